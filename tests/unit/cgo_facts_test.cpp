// Go-side facts (cgo/facts.hpp): which C functions a cgo file calls, from
// which Go function, and where each argument's memory comes from.
//
// The snippets are real cgo idioms (the imagecache example, os/user and net
// from the Go 1.19 tree, runtime.Pinner and cgo.Handle from the 1.21+ docs
// in src/cmd/cgo/doc.go).
#include "cgocheck/cgo/facts.hpp"
#include "cgocheck/cgo/source.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

using cgocheck::cgo::argument_fact;
using cgocheck::cgo::c_call;
using cgocheck::cgo::collect_facts;
using cgocheck::cgo::fact_options;
using cgocheck::cgo::go_facts;
using cgocheck::cgo::parse_go_file;
using cgocheck::cgo::parse_result;
using cgocheck::cgo::position;
using cgocheck::cgo::provenance;
using cgocheck::cgo::provenance_name;
using strings = std::vector<std::string>;

namespace {

go_facts facts_of(const std::string &src, const fact_options &opts = {}) {
  const parse_result r = parse_go_file(src);
  return collect_facts(src, r.file, opts);
}

// A file with the usual header around a function body.
std::string in_func(const std::string &body, const std::string &params = "") {
  return "package p\n\n// #include <stdlib.h>\nimport \"C\"\nimport (\n\t\"runtime\"\n\t\"runtime/cgo\"\n\t\"unsafe\"\n)\n\n"
         "func f(" +
         params + ") {\n" + body + "\n}\n";
}

// "function: kind kind ..." per call.
strings summary(const go_facts &f) {
  strings out;
  for (const c_call &c : f.calls) {
    std::string s = c.function + ":";
    for (const argument_fact &a : c.args) {
      s += " " + std::string(provenance_name(a.kind));
    }
    out.push_back(s);
  }
  return out;
}

const argument_fact &arg(const go_facts &f, std::string_view function, std::size_t i) {
  for (const c_call &c : f.calls) {
    if (c.function == function && i < c.args.size()) {
      return c.args[i];
    }
  }
  FAIL("no call of " << function << " with argument " << i);
  static const argument_fact none;
  return none;
}

} // namespace

TEST_CASE("provenance_name spells every kind", "[cgo][facts]") {
  CHECK(provenance_name(provenance::go_memory) == "go-memory");
  CHECK(provenance_name(provenance::c_memory) == "c-memory");
  CHECK(provenance_name(provenance::pinned) == "pinned");
  CHECK(provenance_name(provenance::integer) == "integer");
  CHECK(provenance_name(provenance::nil) == "nil");
  CHECK(provenance_name(provenance::unknown) == "unknown");
}

TEST_CASE("imagecache Put: one call, four kinds of argument", "[cgo][facts]") {
  const std::string src = R"(package imagecache
/*
#include <stdlib.h>
#include "shim.h"
*/
import "C"
import ("errors"; "unsafe")
func (c *Cache) Put(key string, pixels []byte) error {
	ckey := C.CString(key)
	defer C.free(unsafe.Pointer(ckey))
	var p *C.uint8_t
	if len(pixels) > 0 {
		p = (*C.uint8_t)(unsafe.Pointer(&pixels[0]))
	}
	if C.ic_put(c.c, ckey, p, C.size_t(len(pixels))) != 0 { return errors.New("x") }
	return nil
}
)";
  const go_facts f = facts_of(src);
  REQUIRE(f.calls.size() == 2);
  CHECK(summary(f) == strings{"free: c-memory", "ic_put: unknown c-memory go-memory integer"});
  const c_call &put = f.calls[1];
  CHECK(put.function == "ic_put");
  CHECK(put.pos == position{15, 5});
  CHECK(put.go_function == "(*Cache).Put");
  CHECK(put.args[0].text == "c.c");
  CHECK(put.args[1].text == "ckey");
  CHECK(put.args[1].why == "C.CString at line 9");
  CHECK(put.args[1].freed_by_go_after_call);
  CHECK(put.args[1].pos == position{15, 19});
  CHECK(put.args[2].why == "&pixels[0] (address of a Go variable)");
  CHECK_FALSE(put.args[2].freed_by_go_after_call);
  CHECK(put.args[3].text == "C.size_t(len(pixels))");
  // The free itself frees ckey; it is not "freed after" itself.
  CHECK(f.calls[0].function == "free");
  CHECK_FALSE(f.calls[0].args[0].freed_by_go_after_call);
  CHECK(f.c_types_used == strings{"size_t", "uint8_t"});
}

TEST_CASE("what is a C call: builtins, conversions, function values and nesting", "[cgo][facts]") {
  const go_facts f = facts_of(in_func("s := C.GoString(C.get_name(C.int(3)))\n"
                                      "fn := C.callback\n"
                                      "b := C.GoBytes(unsafe.Pointer(C.buf()), C.int(C.len()))\n"
                                      "_ = C.CBytes(b)\n"
                                      "p := (*C.struct_item)(C.malloc(C.sizeof_struct_item))\n"
                                      "C.free(unsafe.Pointer(p))\n"
                                      "_, _, _ = s, fn, p\n"));
  strings names;
  for (const c_call &c : f.calls) {
    names.push_back(c.function);
  }
  CHECK(names == strings{"get_name", "buf", "len", "malloc", "free"});
  CHECK(arg(f, "get_name", 0).kind == provenance::integer);
  CHECK(arg(f, "malloc", 0).why == "C.sizeof_struct_item");
  CHECK(arg(f, "free", 0).why == "C.malloc at line 16");
  CHECK(f.calls[0].go_function == "f");
}

TEST_CASE("go_function names as Go's stack traces do", "[cgo][facts]") {
  const go_facts f = facts_of(R"(package p
import "C"
var global = C.init_lib()
func Plain() { C.a() }
func (c *Cache) Ptr() { C.b() }
func (c Cache) Val() { C.c() }
func (l *List[T]) Gen() { C.d() }
func Outer() {
	go func() { C.e() }()
	defer func() { C.f() }()
}
)");
  strings got;
  for (const c_call &c : f.calls) {
    got.push_back(c.function + "@" + c.go_function);
  }
  CHECK(got == strings{"init_lib@", "a@Plain", "b@(*Cache).Ptr", "c@Cache.Val", "d@(*List).Gen", "e@Outer", "f@Outer"});
}

TEST_CASE("go memory: addresses, new, composite literals, Go strings", "[cgo][facts]") {
  const go_facts f = facts_of(in_func(R"(var x C.int
var s struct{ f C.int }
arr := [4]C.int{}
buf := make([]byte, 16)
str := "hello"
conv := string(buf)
C.use(&x, &s.f, &arr[0], unsafe.Pointer(unsafe.SliceData(buf)), new(C.int), &C.struct_pt{x: 1})
C.use_str(str, "literal", conv, str+"!")
C.use_ptr(unsafe.Pointer(unsafe.StringData(str)), (*C.char)(unsafe.Pointer(&buf[2])))
)"));
  CHECK(summary(f) == strings{"use: go-memory go-memory go-memory go-memory go-memory go-memory",
                              "use_str: go-memory go-memory go-memory go-memory",
                              "use_ptr: go-memory go-memory"});
  CHECK(arg(f, "use", 0).why == "&x (address of a Go variable)");
  CHECK(arg(f, "use", 3).why == "unsafe.SliceData(buf) (data of a Go slice)");
  CHECK(arg(f, "use", 4).why == "new(C.int)");
  CHECK(arg(f, "use", 5).why == "&C.struct_pt{x: 1} (composite literal)");
  CHECK(arg(f, "use_str", 0).why == "Go string passed as _GoString_");
  CHECK(arg(f, "use_ptr", 1).why == "&buf[2] (address of a Go variable)");
}

TEST_CASE("C memory: allocations, C results, out parameters", "[cgo][facts]") {
  const go_facts f = facts_of(in_func(R"(a := C.malloc(64)
b := C.calloc(4, 8)
b = C.realloc(b, 128)
h := C.ic_new()
var res *C.struct_addrinfo
C.getaddrinfo(nil, nil, nil, &res)
cs := unsafe.Slice((*C.char)(a), 64)
C.use(a, b, h, res, &cs[3], C.CString("x"))
var typed unsafe.Pointer = C.CBytes(data)
C.use2(typed)
)",
                                      "data []byte"));
  CHECK(arg(f, "use", 0).why == "C.malloc at line 12");
  CHECK(arg(f, "use", 1).why == "C.realloc at line 14");
  CHECK(arg(f, "use", 2).why == "returned by C.ic_new");
  CHECK(arg(f, "use", 3).why == "set by C.getaddrinfo through &res");
  CHECK(arg(f, "use", 4).kind == provenance::c_memory);
  CHECK(arg(f, "use", 5).why == "C.CString at line 19");
  CHECK(summary(f)[5] == "use: c-memory c-memory c-memory c-memory c-memory c-memory");
  CHECK(arg(f, "use2", 0).why == "C.CBytes at line 20");
  // &res itself is the address of a Go variable.
  CHECK(arg(f, "getaddrinfo", 3).kind == provenance::go_memory);
  CHECK(arg(f, "getaddrinfo", 0).kind == provenance::nil);
}

TEST_CASE("integers: literals, arithmetic, conversions, handles, uintptr", "[cgo][facts]") {
  const go_facts f = facts_of(in_func(R"(h := cgo.NewHandle(v)
n := len(data) * 2
var count int
C.take(7, C.int(n), C.size_t(cap(data)), C.uintptr_t(h), count, C.FLAG_X, 'c', -n, n > 0)
C.raw(C.uintptr_t(uintptr(unsafe.Pointer(p))), uintptr(12))
)",
                                      "v any, data []byte, p *C.char"));
  CHECK(summary(f) == strings{"take: integer integer integer integer integer integer integer integer integer",
                              "raw: integer integer"});
  CHECK(arg(f, "take", 1).why == "C.int(n)");
  CHECK(arg(f, "take", 3).why == "cgo.NewHandle");
  CHECK(arg(f, "take", 4).why == "count (int)");
  CHECK(arg(f, "take", 5).why == "C constant C.FLAG_X");
  CHECK(arg(f, "raw", 0).why == "uintptr of a pointer (parameter p (*C.char))");
  CHECK(arg(f, "raw", 1).why == "uintptr");
}

TEST_CASE("pinned: runtime.Pinner.Pin before the call, not undone by Unpin", "[cgo][facts]") {
  const go_facts f = facts_of(in_func(R"(var pinner runtime.Pinner
defer pinner.Unpin()
obj := new(C.struct_node)
pinner.Pin(obj)
C.keep(unsafe.Pointer(obj))
other := new(C.struct_node)
C.keep2(unsafe.Pointer(other))
pinner.Pin(&x)
C.keep3(&x)
pinner.Unpin()
C.keep4(&x)
p := &y
pinner.Pin(p)
C.keep5(p)
)",
                                      "x, y C.int"));
  CHECK(arg(f, "keep", 0).kind == provenance::pinned);
  CHECK(arg(f, "keep", 0).why == "pinned with runtime.Pinner at line 15");
  CHECK(arg(f, "keep2", 0).kind == provenance::go_memory);
  CHECK(arg(f, "keep3", 0).kind == provenance::pinned);
  CHECK(arg(f, "keep4", 0).kind == provenance::go_memory); // Unpin in between
  CHECK(arg(f, "keep5", 0).kind == provenance::pinned);
}

TEST_CASE("pinned: a pointer parameter the function pins before the call", "[cgo][facts]") {
  const go_facts f = facts_of(in_func(R"(C.before(unsafe.Pointer(p))
var pin runtime.Pinner
pin.Pin(p)
C.keep(unsafe.Pointer(p))
C.other(unsafe.Pointer(q))
)",
                                      "p *int, q *int"));
  CHECK(arg(f, "before", 0).kind == provenance::unknown);
  CHECK(arg(f, "keep", 0).kind == provenance::pinned);
  CHECK(arg(f, "other", 0).kind == provenance::unknown);
}

TEST_CASE("unknown: pointer parameters, fields, Go call results, elements", "[cgo][facts]") {
  const go_facts f = facts_of(in_func(R"(C.use(p, s.ptr, getPtr(), ptrs[1], *pp, &cp.field)
)",
                                      "p unsafe.Pointer, s *T, ptrs []*C.char, pp **C.char, cp *C.struct_x"));
  CHECK(summary(f) == strings{"use: unknown unknown unknown unknown unknown unknown"});
  CHECK(arg(f, "use", 0).why == "parameter p (unsafe.Pointer)");
  // Read from a field: held (a value Go keeps across calls); a parameter is not.
  CHECK_FALSE(arg(f, "use", 0).held);
  CHECK(arg(f, "use", 1).held);
  CHECK_FALSE(arg(f, "use", 2).held);
  CHECK(arg(f, "use", 1).why == "s.ptr (field or package variable)");
  CHECK(arg(f, "use", 2).why == "returned by Go call getPtr");
  CHECK(arg(f, "use", 5).why == "&cp.field (through C pointer parameter cp)");
}

TEST_CASE("local flow: the last assignment in an enclosing block wins", "[cgo][facts]") {
  const go_facts f = facts_of(in_func(R"(p := unsafe.Pointer(&x)
p = C.malloc(8)
C.a(p)
q := C.malloc(8)
if cond {
	q = unsafe.Pointer(&x)
} else {
	q = nil
}
C.b(q)
r := C.malloc(8)
if cond {
	r := unsafe.Pointer(&x)
	_ = r
}
C.c(r)
var s unsafe.Pointer
C.d(s)
u := unsafe.Pointer(&x)
for i := 0; i < 2; i++ {
	C.e(u)
	u = C.malloc(1)
}
)",
                                      "x C.int, cond bool"));
  CHECK(arg(f, "a", 0).kind == provenance::c_memory);
  // One path passes Go memory: go_memory wins the join.
  CHECK(arg(f, "b", 0).kind == provenance::go_memory);
  // The inner `r :=` is another variable.
  CHECK(arg(f, "c", 0).kind == provenance::c_memory);
  CHECK(arg(f, "d", 0).kind == provenance::nil);
  // Assignments after the call (the next loop iteration) are not followed.
  CHECK(arg(f, "e", 0).kind == provenance::go_memory);
}

TEST_CASE("local flow: multi-assignment, errno results, closures, cycles, package vars", "[cgo][facts]") {
  const go_facts f = facts_of(R"(package p
import "C"
import "unsafe"
const bufSize = 64
var table [8]C.int
func f(x C.int) {
	a, b := unsafe.Pointer(&x), C.malloc(4)
	r, err := C.open_thing(nil)
	_ = err
	var m, n unsafe.Pointer
	m = n
	n = m
	var later unsafe.Pointer
	func() { later = C.malloc(1) }()
	C.use(a, b, r, m, C.int(bufSize), &table[0], later)
}
)");
  CHECK(summary(f).back() == "use: go-memory c-memory c-memory nil integer go-memory c-memory");
  CHECK(arg(f, "use", 2).why == "returned by C.open_thing");
}

TEST_CASE("freed_by_go_after_call: defer free, a later free, a deferred closure", "[cgo][facts]") {
  const go_facts f = facts_of(in_func(R"(a := C.CString("a")
defer C.free(unsafe.Pointer(a))
b := C.CString("b")
c := C.CString("c")
C.free(unsafe.Pointer(c))
d := C.CString("d")
defer func() {
	C.free(unsafe.Pointer(d))
}()
C.use(a, b, c, d)
C.free(unsafe.Pointer(b))
)"));
  CHECK(arg(f, "use", 0).freed_by_go_after_call);
  CHECK(arg(f, "use", 1).freed_by_go_after_call);
  CHECK_FALSE(arg(f, "use", 2).freed_by_go_after_call); // freed before the call
  CHECK(arg(f, "use", 3).freed_by_go_after_call);
}

TEST_CASE("C types: preamble typedefs and fact_options are not calls", "[cgo][facts]") {
  const std::string src = "package p\n\n/*\ntypedef unsigned int handle;\ntypedef struct { int x; } point;\n"
                          "typedef int (*cb_fn)(int);\n*/\nimport \"C\"\n\n"
                          "func f(n int) { C.use(C.handle(n), C.GLuint(n), C.point{}, C.cb_fn(nil)) }\n";
  const go_facts without = facts_of(src);
  strings names;
  for (const c_call &c : without.calls) {
    names.push_back(c.function);
  }
  CHECK(names == strings{"use", "GLuint"});
  fact_options opts;
  opts.c_type_names = {"GLuint"};
  const go_facts with = facts_of(src, opts);
  REQUIRE(with.calls.size() == 1);
  CHECK(summary(with) == strings{"use: integer integer unknown nil"});
  CHECK(with.c_types_used == strings{"GLuint", "cb_fn", "handle", "point"});
}

TEST_CASE("exports are passed through; a file without import \"C\" has no calls", "[cgo][facts]") {
  const go_facts f = facts_of("package p\nimport \"C\"\n\n//export goCb\nfunc goCb() {}\n");
  REQUIRE(f.exports.size() == 1);
  CHECK(f.exports[0].name == "goCb");
  const go_facts none = facts_of("package p\n\nfunc f() { C.x() }\n");
  CHECK(none.calls.empty());
}

TEST_CASE("collect_facts survives broken and hostile input", "[cgo][facts]") {
  const std::vector<std::string> inputs = {
      "",
      "package p\nimport \"C\"\nfunc f() { C.g(",
      "package p\nimport \"C\"\nfunc f() { C.g(((((((((((((((((((((((((((((((x" + std::string(5000, '(') + "}",
      "package p\nimport \"C\"\nfunc f() {" + std::string(3000, '{') + "C.g()" + std::string(3000, '}') + "}",
      "package p\nimport \"C\"\nfunc f() { x := T{" + std::string(3000, '{') + "} C.g(x) }",
      "package p\nimport \"C\"\nfunc f() { if a {} else if b {} " + [] {
        std::string s;
        for (int i = 0; i < 3000; ++i) {
          s += "else if c {} ";
        }
        return s;
      }() + "C.g() }",
      "package p\nimport \"C\"\nfunc (",
      "package p\nimport \"C\"\nfunc f() { switch { case: default: } ; select { case <-c: } ; for ;; { } ; goto L }",
      "package p\nimport \"C\"\nvar x = C.f(C.g(1), '\\n'",
  };
  for (const std::string &in : inputs) {
    const go_facts f = facts_of(in);
    for (const c_call &c : f.calls) {
      CHECK(!c.function.empty());
    }
  }
  // A long chain of assignments that branch is cut off, not explored.
  std::string body = "x0 := unsafe.Pointer(&y)\n";
  for (int i = 1; i < 60; ++i) {
    body += "if c { x" + std::to_string(i) + " = x" + std::to_string(i - 1) + " } else { x" + std::to_string(i) +
            " = x" + std::to_string(i - 1) + " }\n";
  }
  body += "C.use(x59)\n";
  const go_facts deep = facts_of(in_func(body, "y C.int, c bool"));
  REQUIRE(deep.calls.size() == 1);
}

TEST_CASE("facts of real cgo files of the Go 1.19 tree", "[cgo][facts]") {
  const std::filesystem::path file = "/usr/lib/go-1.19/src/net/cgo_unix.go";
  if (!std::filesystem::exists(file)) {
    WARN("no Go 1.19 tree: skipped");
    return;
  }
  std::ifstream in(file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const go_facts f = facts_of(ss.str());
  bool saw_getaddrinfo = false;
  for (const c_call &c : f.calls) {
    if (c.function == "getaddrinfo" && c.go_function == "cgoLookupIPCNAME") {
      saw_getaddrinfo = true;
      REQUIRE(c.args.size() == 4);
      CHECK(c.args[0].why == "&h[0] (address of a Go variable)");
      CHECK(c.args[1].kind == provenance::nil);
      CHECK(c.args[2].text == "&hints");
      CHECK(c.args[3].kind == provenance::go_memory);
    }
    if (c.function == "freeaddrinfo") {
      CHECK(c.args[0].why == "set by C.getaddrinfo through &res");
    }
  }
  CHECK(saw_getaddrinfo);
  CHECK(std::find(f.c_types_used.begin(), f.c_types_used.end(), "struct_addrinfo") != f.c_types_used.end());
}

// --- field accesses ------------------------------------------------------------
//
// Which field of which C type Go code touches (for cgo-dropped-field: cmd/cgo
// gcc.go typeConv.Struct drops bit-fields, misaligned and packed fields).

namespace {

using cgocheck::cgo::field_access;

// "line:col field of C_TYPE" or "line:col field via C_FUNCTION" per access.
strings accesses(const go_facts &f) {
  strings out;
  for (const field_access &a : f.field_accesses) {
    CHECK(a.c_type.empty() != a.via_call.empty()); // exactly one is set
    out.push_back(std::to_string(a.pos.line) + ":" + std::to_string(a.pos.column) + " " + a.field +
                  (a.via_call.empty() ? " of " + a.c_type : " via " + a.via_call));
  }
  return out;
}

// A file whose declarations start at line 8.
std::string file_with(const std::string &decls) {
  return "package p\n\n/*\ntypedef struct { int a; } ic_stats;\n*/\nimport \"C\"\nimport (\"fmt\"; \"unsafe\")\n" + decls;
}

} // namespace

TEST_CASE("field accesses: parameters, results and var declarations of C struct types", "[cgo][facts][fields]") {
  const go_facts f = facts_of(file_with(R"(func (c *Cache) F(p *C.struct_packet, s C.packet_t, st C.ic_stats) (r *C.union_u) {
	_ = p.flags
	_ = s.len + st.a
	_ = r.bytes
	var v C.struct_v
	v.x = 1
	var q *C.ic_stats = nil
	_ = q.a
	return r
}
)"));
  CHECK(accesses(f) == strings{"9:8 flags of struct_packet", "10:8 len of packet_t", "10:17 a of ic_stats",
                               "11:8 bytes of union_u", "13:4 x of struct_v", "15:8 a of ic_stats"});
  REQUIRE(f.field_accesses.size() == 6);
  CHECK(f.field_accesses[0].go_function == "(*Cache).F");
}

TEST_CASE("field accesses: literals, conversions, new, unsafe.Slice", "[cgo][facts][fields]") {
  const go_facts f = facts_of(file_with(R"(func g(ptr unsafe.Pointer, n int) {
	l := C.struct_lit{len: 1, data: nil}
	_ = l.len
	pl := &C.struct_pl{k: 2}
	_ = pl.k
	c := (*C.struct_conv)(ptr)
	_ = c.m
	_ = (*C.struct_direct)(ptr).d
	_ = (*C.ic_stats)(unsafe.Pointer(ptr)).a
	nw := new(C.struct_nw)
	nw.z = 3
	us := unsafe.Slice((*C.struct_us)(ptr), n)
	_ = us[0].ua
	big := (*[1 << 28]C.struct_big)(ptr)[:n:n]
	_ = big[1].ba
	lits := []C.struct_el{{ea: 1}, {eb: 2}}
	m := map[string]*C.struct_el{"x": {ec: 3}}
	_, _ = lits, m
	_ = C.struct_pos{1, 2}
}
)"));
  CHECK(accesses(f) == strings{"9:20 len of struct_lit", "9:28 data of struct_lit", "10:8 len of struct_lit",
                               "11:21 k of struct_pl", "12:9 k of struct_pl", "14:8 m of struct_conv",
                               "15:30 d of struct_direct", "16:41 a of ic_stats", "18:5 z of struct_nw",
                               "20:12 ua of struct_us", "22:13 ba of struct_big", "23:25 ea of struct_el",
                               "23:34 eb of struct_el", "24:37 ec of struct_el"});
}

TEST_CASE("field accesses: the result of a C call is via_call", "[cgo][facts][fields]") {
  const go_facts f = facts_of(file_with(R"(func h() {
	mk := C.make_packet()
	_ = mk.flags
	_ = C.make_packet().direct
	e, err := C.open_thing()
	_ = e.fd
	_ = err
	_ = (*C.get()).deref
	alias := mk
	_ = alias.again
}
)"));
  CHECK(accesses(f) == strings{"10:9 flags via make_packet", "11:22 direct via make_packet", "13:8 fd via open_thing",
                               "15:17 deref via get", "17:12 again via make_packet"});
}

TEST_CASE("field accesses: chains, elements, range", "[cgo][facts][fields]") {
  const go_facts f = facts_of(file_with(R"(func k(p *C.struct_packet, sl []C.struct_se, ptrs []*C.struct_pe, pa *[1 << 20]C.pa_t) {
	_ = p.hdr.inner.deeper
	var arr [4]C.struct_el
	_ = arr[1].ea
	_ = sl[0].sa
	_ = ptrs[2].pe
	_ = pa[3].pf
	for i, e := range sl {
		_, _ = i.nope, e.ra
	}
	for _, q := range ptrs {
		_ = q.rq
	}
	_ = (*p).star
	_ = (&arr[0]).amp
}
)"));
  // p.hdr's type is C's: hdr is recorded, inner and deeper are not.
  CHECK(accesses(f) == strings{"9:8 hdr of struct_packet", "11:13 ea of struct_el", "12:12 sa of struct_se",
                               "13:14 pe of struct_pe", "14:12 pf of pa_t", "16:20 ra of struct_se",
                               "19:9 rq of struct_pe", "21:11 star of struct_packet", "22:16 amp of struct_el"});
}

TEST_CASE("field accesses: what is not one", "[cgo][facts][fields]") {
  const go_facts f = facts_of(file_with(R"(type T struct {
	s C.struct_x
	n int
}
func (t *T) Method() int { return t.n }
var global T
func z(t *T, p *C.struct_packet, x C.int, pp **C.struct_packet) {
	fmt.Println(t.n)
	_ = t.s
	_ = global.s
	_ = t.Method()
	_ = C.sizeof_struct_x
	_ = C.cvar.field
	_ = unknown.field
	_ = x.nope
	_ = pp.twice
	_ = getPacket().f
	p.method()
	func(p *T) { _ = p.n }(t)
	var s struct{ f C.int }
	_ = s.f
	_ = C.struct_pos{1, 2}
	_ = T{n: 1}
	_ = unsafe.Pointer(p)
}
)"));
  CHECK(accesses(f).empty());
  // Without import "C" nothing is a C type.
  CHECK(facts_of("package p\n\nfunc f(p *C.struct_x) { _ = p.a }\n").field_accesses.empty());
}

TEST_CASE("field accesses: scopes, closures, package variables, go_function", "[cgo][facts][fields]") {
  const go_facts f = facts_of(file_with(R"(var cfg C.struct_cfg
var other = C.struct_o{ov: 1}
func a(p *C.struct_packet) {
	if p := getT(); p != nil {
		_ = p.goField
	}
	_ = p.outer
	go func() { _ = p.inClosure }()
	func(p *C.struct_w) { _ = p.shadow }(nil)
	_ = cfg.verbose
	cfg := Config{}
	_ = cfg.local
}
func (b Box) M() {
	_ = cfg.pkg
}
)"));
  CHECK(accesses(f) == strings{"9:24 ov of struct_o", "14:8 outer of struct_packet", "15:20 inClosure of struct_packet",
                               "16:30 shadow of struct_w", "17:10 verbose of struct_cfg", "22:10 pkg of struct_cfg"});
  strings where;
  for (const field_access &x : f.field_accesses) {
    where.push_back(x.field + "@" + x.go_function);
  }
  CHECK(where == strings{"ov@", "outer@a", "inClosure@a", "shadow@a", "verbose@a", "pkg@Box.M"});
}

TEST_CASE("field accesses survive broken input", "[cgo][facts][fields]") {
  const std::vector<std::string> inputs = {
      "package p\nimport \"C\"\nfunc f(p *C.struct_x) { p.",
      "package p\nimport \"C\"\nfunc f(p *C.struct_x) { a := a; b := b.c; _ = a.x; _ = b.y; _ = C.struct_x{",
      "package p\nimport \"C\"\nfunc f() { x := []C.struct_a{" + std::string(500, '{') + "} }",
      "package p\nimport \"C\"\nfunc f(p *[]C.x) { _ = p[0].a; q := p; p := q; _ = p.z }",
      "package p\nimport \"C\"\nfunc f() { func(",
  };
  for (const std::string &in : inputs) {
    const go_facts f = facts_of(in);
    for (const field_access &a : f.field_accesses) {
      CHECK(!a.field.empty());
    }
  }
  // A chain of copies is followed, a very long one cut off.
  const auto copies = [](int n) {
    std::string body = "v0 := C.make()\n";
    for (int i = 1; i < n; ++i) {
      body += "v" + std::to_string(i) + " := v" + std::to_string(i - 1) + "\n";
    }
    return facts_of(in_func(body + "_ = v" + std::to_string(n - 1) + ".last\n"));
  };
  const go_facts chain = copies(10);
  REQUIRE(chain.field_accesses.size() == 1);
  CHECK(chain.field_accesses[0].via_call == "make");
  CHECK(copies(200).field_accesses.empty());
}
