// Go-side facts about the C calls of a cgo file: every `C.f(...)` call, the
// Go function it is in, and where the memory of each argument comes from.
//
// The pointer rules this feeds are those of src/cmd/cgo/doc.go ("Passing
// pointers", Go 1.19-1.27; runtime.Pinner since 1.21, src/runtime/pinner.go)
// as summarised in reference/go-ground-truth.md section E. What counts as a
// call follows cmd/cgo (src/cmd/cgo/ast.go `saveRef`/`saveCall`, gcc.go
// `rewriteCalls`): a call whose function is `C.name`. The cgo pseudo functions C.CString,
// C.CBytes, C.GoString, C.GoStringN and C.GoBytes (src/cmd/cgo/out.go
// `builtinProlog`, doc.go) are not C functions and are not reported as calls;
// C.malloc (cgo's own wrapper, which never returns nil) and C.free are.
// A `C.name(x)` that converts to a C type is not a call either: the basic
// numeric types of cgo (doc.go, "Go references to C"), struct_/union_/enum_
// names, names ending in "_t", typedef names found in the preamble and the
// names in fact_options::c_type_names count as types.
//
// Classification (best effort, per argument, conservative):
// - Conversions are looked through: parentheses, unsafe.Pointer(e),
//   (*T)(e), C.T(e) to a non-numeric type, unsafe.Slice/String/Add(p, ...).
// - go_memory: &x, &x.f, &s[i] (unless the root variable holds C memory),
//   &T{...}, new(T), make(...), unsafe.SliceData/StringData of Go values,
//   string literals and Go strings (string(...), C.GoString, a few
//   string-returning functions of fmt/strings/strconv, string concatenation)
//   - which C sees as _GoString_.
// - c_memory: C.malloc/calloc/realloc, C.CString, C.CBytes ("C.CString at
//   line N") and the result of any other C function ("returned by C.f").
// - integer: numeric literals, arithmetic, len/cap, conversions to numeric
//   Go or C types, unsafe.Sizeof & co., C constants (upper-case C names and
//   cgo's C.sizeof_T),
//   cgo.NewHandle(v) and what is derived from it ("cgo.NewHandle"),
//   uintptr(...) (of a pointer: "uintptr of a pointer"; the GC does not
//   see it, the pointer rules still apply to what it points to).
// - nil: `nil`, and pointer variables declared without a value.
// - pinned: go_memory whose root variable was passed to `x.Pin(...)` earlier
//   in the function, with no `x.Unpin()` in between (a deferred Unpin does
//   not count).
// - unknown: parameters of pointer or unknown type, struct fields, elements,
//   results of Go calls, anything else.
// Local flow: an identifier is classified by its assignments before the call
// in the same function (`x := e`, `x = e`, `var x T = e`, multi-assignment,
// `var x T` with no value). The last assignment in a block enclosing the call
// replaces the earlier ones; assignments in blocks that do not enclose the
// call (an `if` body, a closure) may have happened and are joined with it,
// preferring go_memory over unknown over c_memory over integer over nil, so
// that one path that passes Go memory is never hidden. Assignments after the
// call (loops) are not considered. Without a local assignment, package-level
// `var`/`const` declarations and the function's parameter types are used.
// freed_by_go_after_call: the argument's root variable is freed by
// `defer C.free(...)` anywhere in the function (also inside a deferred
// closure) or by a later `C.free(...)` in the function.
//
// field_accesses: each `x.f` (not called) and each key of a keyed literal
// whose base is a value of a C struct/union/typedef type, as far as the
// declarations in scope say (see "field accesses" in fact_classifier and
// docs/library/cgo.md); the result of a C call is recorded as via_call.
// Unknown or Go types record nothing.
//
// go_function names the enclosing top-level function as Go's stack traces
// do, without the package: "Put", "(*Cache).Put", "Cache.Get" (type
// parameters dropped). Calls in closures belong to the enclosing function;
// calls in package-level initialisers have go_function "".
#ifndef CGOCHECK_CGO_FACTS_HPP
#define CGOCHECK_CGO_FACTS_HPP

#include "cgocheck/cgo/lexer.hpp"
#include "cgocheck/cgo/position.hpp"
#include "cgocheck/cgo/source.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cgocheck::cgo {

/// Where the memory an argument points to comes from.
enum class provenance : std::uint8_t { go_memory, c_memory, pinned, integer, nil, unknown };

/// "go-memory", "c-memory", "pinned", "integer", "nil", "unknown".
constexpr std::string_view provenance_name(provenance p) {
  switch (p) {
  case provenance::go_memory: return "go-memory";
  case provenance::c_memory: return "c-memory";
  case provenance::pinned: return "pinned";
  case provenance::integer: return "integer";
  case provenance::nil: return "nil";
  case provenance::unknown: return "unknown";
  }
  return "unknown";
}

struct argument_fact {
  std::string text; ///< the argument as written
  position pos;     ///< of its first token
  provenance kind = provenance::unknown;
  std::string why; ///< one short phrase: "C.CString at line 12", "&buf[0] (address of a Go variable)"
  bool freed_by_go_after_call = false;
  /// An unknown read from a struct field or package variable (`c.handle`):
  /// a value Go holds across calls.
  bool held = false;
};

struct c_call {
  std::string function; ///< the C name: "ic_put"
  position pos;         ///< of the `C`
  std::string go_function;
  std::vector<argument_fact> args;
};

/// Go code reading or writing a field of a C struct or union value
/// (`p.flags`, a key of `C.struct_x{flags: 1}`). Exactly one of c_type and
/// via_call is set.
struct field_access {
  std::string field;    ///< as Go spells it: cgo renames C fields named like Go keywords to `_type`
  std::string c_type;   ///< the cgo name after `C.`, pointers stripped: "struct_packet", "packet_t"
  std::string via_call; ///< or the C function whose result is the base: "make_packet"
  position pos;         ///< of the field name
  std::string go_function;
};

struct go_facts {
  std::vector<c_call> calls; ///< in source order
  std::vector<export_directive> exports;
  std::vector<std::string> c_types_used; ///< sorted, unique: "char", "struct_img", "size_t"
  std::vector<field_access> field_accesses; ///< in source order
};

/// What the caller knows from the C side.
struct fact_options {
  /// Names C.name refers to that are types (typedefs from headers the
  /// preamble includes, which this reader cannot see).
  std::vector<std::string> c_type_names;
};

namespace detail {

enum class node_kind : std::uint8_t {
  bad,
  ident,
  literal,
  composite,
  func_lit,
  paren,
  selector,
  index,
  slice,
  type_assert,
  call,
  unary,
  binary,
  key_value,
  type,
};

/// An expression node; `first`/`last` are token indices [first, last).
struct go_node {
  node_kind kind = node_kind::bad;
  std::uint32_t first = 0;
  std::uint32_t last = 0;
  std::string_view text; ///< identifier, selected name, operator or literal
  token_kind lit = token_kind::eof;
  std::vector<std::uint32_t> kids; ///< call: fun, args...; selector/paren/unary: x; binary/key_value: x, y; ...
  bool composite_type = false;     ///< a type node that may start a composite literal
};

struct go_param {
  std::string name;
  std::string type;
};

enum class assign_source : std::uint8_t { expr, multi, zero, range, constant };

struct go_assign {
  std::string_view name;
  std::uint32_t tok = 0;
  std::uint32_t scope = 0;
  bool define = false;
  assign_source src = assign_source::expr;
  std::uint32_t rhs = 0;   // node (expr, multi, constant with a value)
  std::uint32_t index = 0; // multi: which result
  bool has_rhs = false;
  std::string type; // zero / range: the declared type, if any
  std::uint32_t range_expr = 0; // range: the node ranged over (`index` is 0 for the key, 1 for the value)
  bool has_range_expr = false;
};

/// A parameter or result of a function literal, visible in its body.
struct go_lit_param {
  std::string name;
  std::string type;
  std::uint32_t scope = 0; ///< the literal's body
  std::uint32_t tok = 0;   ///< its `{`
};

struct go_scope {
  std::uint32_t first = 0;
  std::uint32_t last = 0;
};

struct go_func {
  std::string name; ///< "" for the package scope
  std::vector<go_param> params;
  std::vector<go_assign> assigns;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> deferred; ///< token ranges that run at return
  std::vector<std::uint32_t> calls;                              ///< call nodes, in source order
  std::vector<std::uint32_t> selectors;                          ///< selector nodes `x.name`, in source order
  std::vector<std::uint32_t> composites;                         ///< composite literal nodes
  std::vector<go_lit_param> lit_params;                          ///< of function literals in the body
};

/// A tolerant recursive-descent parser for Go declarations, statements and
/// expressions (the shapes of src/go/parser/parser.go, Go 1.19-1.27, with
/// its rule for when `{` starts a composite literal). It never fails: what
/// it cannot parse it skips. It keeps what the classification needs.
class go_parser {
public:
  go_parser(std::vector<token> toks, std::string_view content) : t_(std::move(toks)), content_(content) {
    token end;
    if (!t_.empty()) {
      end.pos = t_.back().pos;
      end.offset = t_.back().offset;
    }
    if (t_.empty() || t_.back().kind != token_kind::eof) {
      t_.push_back(end);
    }
    funcs.push_back(go_func{});
    scopes.push_back(go_scope{0, static_cast<std::uint32_t>(t_.size())});
  }

  std::vector<go_node> nodes;
  std::vector<go_scope> scopes;
  std::vector<go_func> funcs; ///< funcs[0] is the package scope

  const std::vector<token> &tokens() const { return t_; }

  void parse_file() {
    while (!at_eof()) {
      const std::uint32_t start = p_;
      if (is_kw("func")) {
        parse_func_decl();
      } else if (is_kw("var") || is_kw("const")) {
        fn_ = 0;
        scope_stack_ = {0};
        parse_var_decl(is_kw("const"));
      } else {
        skip_to_semi();
      }
      if (cur().kind == token_kind::semicolon) {
        next();
      }
      if (p_ == start) {
        next();
      }
    }
  }

private:
  std::vector<token> t_;
  std::string_view content_;
  std::uint32_t p_ = 0;
  int expr_lev_ = 0;
  int depth_ = 0;
  std::size_t fn_ = 0;
  std::vector<std::uint32_t> scope_stack_{0};
  std::vector<go_param> lit_params_; ///< for the function literal body parse_block opens next

  static constexpr int max_depth = 200;

  const token &cur() const { return t_[p_]; }
  const token &peek_tok(std::size_t k) const { return t_[std::min<std::size_t>(p_ + k, t_.size() - 1)]; }
  bool at_eof() const { return cur().kind == token_kind::eof; }
  void next() {
    if (p_ + 1 < t_.size()) {
      ++p_;
    }
  }
  bool is_op(std::string_view s) const { return cur().kind == token_kind::op && cur().text == s; }
  bool is_kw(std::string_view s) const { return cur().kind == token_kind::keyword && cur().text == s; }
  bool is_ident() const { return cur().kind == token_kind::identifier; }
  bool got(std::string_view op) {
    if (is_op(op)) {
      next();
      return true;
    }
    return false;
  }

  std::uint32_t add(go_node n) {
    nodes.push_back(std::move(n));
    return static_cast<std::uint32_t>(nodes.size() - 1);
  }
  std::uint32_t leaf(node_kind k, std::uint32_t first, std::uint32_t last, std::string_view text = {}) {
    go_node n;
    n.kind = k;
    n.first = first;
    n.last = std::max(last, first);
    n.text = text;
    return add(std::move(n));
  }
  std::uint32_t wrap(node_kind k, std::uint32_t first, std::initializer_list<std::uint32_t> kids,
                     std::string_view text = {}) {
    go_node n;
    n.kind = k;
    n.first = first;
    n.last = p_ > first ? p_ : first;
    n.text = text;
    n.kids.assign(kids.begin(), kids.end());
    return add(std::move(n));
  }

  std::string text_of(std::uint32_t first, std::uint32_t last) const {
    if (last <= first || last > t_.size()) {
      return {};
    }
    const token &a = t_[first];
    const token &b = t_[last - 1];
    const std::size_t end = b.offset + (is_automatic_semicolon(b) ? 0 : b.text.size());
    if (end < a.offset || end > content_.size()) {
      return {};
    }
    return std::string(content_.substr(a.offset, end - a.offset));
  }

  // Skips a balanced (), [] or {} group starting at the current token.
  void skip_group() {
    int depth = 0;
    do {
      if (is_op("(") || is_op("[") || is_op("{")) {
        ++depth;
      } else if (is_op(")") || is_op("]") || is_op("}")) {
        --depth;
      }
      next();
    } while (depth > 0 && !at_eof());
  }

  // Skips to the end of the current statement or declaration: a ';' at
  // depth 0, or before a closing bracket that is not ours.
  void skip_to_semi() {
    while (!at_eof() && cur().kind != token_kind::semicolon) {
      if (is_op(")") || is_op("]") || is_op("}")) {
        return;
      }
      if (is_op("(") || is_op("[") || is_op("{")) {
        skip_group();
      } else {
        next();
      }
    }
  }

  void expect_semi() {
    if (cur().kind == token_kind::semicolon) {
      next();
    } else if (!is_op(")") && !is_op("}")) {
      skip_to_semi();
      if (cur().kind == token_kind::semicolon) {
        next();
      }
    }
  }

  std::uint32_t open_scope() {
    scopes.push_back(go_scope{p_, p_});
    const auto id = static_cast<std::uint32_t>(scopes.size() - 1);
    scope_stack_.push_back(id);
    return id;
  }
  void close_scope(std::uint32_t id) {
    scopes[id].last = p_;
    if (!scope_stack_.empty() && scope_stack_.back() == id) {
      scope_stack_.pop_back();
    }
  }

  // --- declarations ---------------------------------------------------------

  std::vector<go_param> parse_params() {
    std::vector<go_param> out;
    if (!is_op("(")) {
      return out;
    }
    next();
    struct group {
      std::uint32_t first;
      std::uint32_t last;
    };
    std::vector<group> groups;
    std::uint32_t start = p_;
    while (!at_eof() && !is_op(")")) {
      if (is_op(",")) {
        groups.push_back({start, p_});
        next();
        start = p_;
      } else if (is_op("(") || is_op("[") || is_op("{")) {
        skip_group();
      } else if (is_op("]") || is_op("}") || cur().kind == token_kind::semicolon) {
        break;
      } else {
        next();
      }
    }
    if (p_ > start) {
      groups.push_back({start, p_});
    }
    got(")");
    bool named = false;
    for (const group &g : groups) {
      named = named || (g.last - g.first >= 2 && t_[g.first].kind == token_kind::identifier &&
                        (t_[g.first + 1].kind != token_kind::op || t_[g.first + 1].text != "."));
    }
    std::vector<std::string> pending;
    for (const group &g : groups) {
      if (!named) {
        out.push_back(go_param{"", text_of(g.first, g.last)});
        continue;
      }
      if (g.last - g.first == 1) {
        pending.emplace_back(t_[g.first].text);
        continue;
      }
      const std::string type = text_of(g.first + 1, g.last);
      for (std::string &n : pending) {
        out.push_back(go_param{std::move(n), type});
      }
      pending.clear();
      out.push_back(go_param{std::string(t_[g.first].text), type});
    }
    return out;
  }

  static std::string strip_type_args(const std::string &s) {
    const std::size_t b = s.find('[');
    return b == std::string::npos ? s : s.substr(0, b);
  }

  void parse_func_decl() {
    next(); // func
    std::string receiver;
    std::vector<go_param> params;
    if (is_op("(")) {
      params = parse_params();
      if (!params.empty()) {
        std::string type = params.front().type;
        type.erase(std::remove_if(type.begin(), type.end(),
                                  [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }),
                   type.end());
        type = strip_type_args(type);
        receiver = !type.empty() && type[0] == '*' ? "(" + type + ")" : type;
      }
    }
    std::string name;
    if (is_ident()) {
      name = std::string(cur().text);
      next();
    }
    if (is_op("[")) {
      skip_group(); // type parameters
    }
    std::vector<go_param> sig = parse_params();
    params.insert(params.end(), sig.begin(), sig.end());
    if (is_op("(")) {
      std::vector<go_param> results = parse_params();
      params.insert(params.end(), results.begin(), results.end());
    } else if (!is_op("{") && cur().kind != token_kind::semicolon && !at_eof()) {
      parse_type();
    }
    if (!is_op("{")) {
      return;
    }
    go_func f;
    f.name = receiver.empty() ? name : receiver + "." + name;
    f.params = std::move(params);
    funcs.push_back(std::move(f));
    fn_ = funcs.size() - 1;
    scope_stack_ = {0};
    expr_lev_ = 0;
    parse_block();
    fn_ = 0;
    scope_stack_ = {0};
  }

  void parse_var_decl(bool is_const) {
    next(); // var / const
    if (is_op("(")) {
      next();
      while (!at_eof() && !is_op(")")) {
        const std::uint32_t start = p_;
        parse_var_spec(is_const);
        expect_semi();
        if (p_ == start) {
          next();
        }
      }
      got(")");
    } else {
      parse_var_spec(is_const);
    }
  }

  void parse_var_spec(bool is_const) {
    const std::uint32_t tok = p_;
    std::vector<std::string_view> names;
    while (is_ident()) {
      names.push_back(cur().text);
      next();
      if (!got(",")) {
        break;
      }
    }
    std::string type;
    if (!is_op("=") && cur().kind != token_kind::semicolon && !is_op(")") && !at_eof()) {
      const std::uint32_t t0 = p_;
      parse_type();
      type = text_of(t0, p_);
    }
    std::vector<std::uint32_t> values;
    if (got("=")) {
      values = parse_expr_list();
    }
    for (std::size_t i = 0; i < names.size(); ++i) {
      go_assign a;
      a.name = names[i];
      a.tok = tok;
      a.scope = scope_stack_.empty() ? 0 : scope_stack_.back();
      a.define = true;
      a.type = type;
      if (values.size() == names.size()) {
        a.src = is_const ? assign_source::constant : assign_source::expr;
        a.rhs = values[i];
        a.has_rhs = true;
      } else if (values.size() == 1) {
        a.src = assign_source::multi;
        a.rhs = values[0];
        a.index = static_cast<std::uint32_t>(i);
        a.has_rhs = true;
      } else {
        a.src = is_const ? assign_source::constant : assign_source::zero;
      }
      funcs[fn_].assigns.push_back(std::move(a));
    }
  }

  // --- types ----------------------------------------------------------------

  std::uint32_t parse_type() {
    const std::uint32_t first = p_;
    bool composite = false;
    if (++depth_ > max_depth) {
      --depth_;
      return leaf(node_kind::bad, first, p_);
    }
    if (is_ident()) {
      next();
      if (is_op(".") && peek_tok(1).kind == token_kind::identifier) {
        next();
        next();
      }
      if (is_op("[")) {
        skip_group(); // type arguments
      }
    } else if (is_op("*")) {
      next();
      parse_type();
    } else if (is_op("(")) {
      next();
      parse_type();
      got(")");
    } else if (is_op("[")) {
      composite = true;
      skip_group();
      parse_type();
    } else if (is_kw("map")) {
      composite = true;
      next();
      if (is_op("[")) {
        skip_group();
      }
      parse_type();
    } else if (is_kw("chan")) {
      next();
      got("<-");
      parse_type();
    } else if (is_op("<-")) {
      next();
      if (is_kw("chan")) {
        next();
      }
      parse_type();
    } else if (is_kw("func")) {
      next();
      parse_params();
      if (is_op("(")) {
        parse_params();
      } else if (starts_type()) {
        parse_type();
      }
    } else if (is_kw("struct") || is_kw("interface")) {
      composite = is_kw("struct");
      next();
      if (is_op("{")) {
        skip_group();
      }
    }
    --depth_;
    const std::uint32_t n = leaf(node_kind::type, first, p_);
    nodes[n].composite_type = composite;
    return n;
  }

  bool starts_type() const {
    return is_ident() || is_op("*") || is_op("[") || is_op("(") || is_op("<-") || is_kw("map") || is_kw("chan") ||
           is_kw("func") || is_kw("struct") || is_kw("interface");
  }

  // --- expressions ----------------------------------------------------------

  std::vector<std::uint32_t> parse_expr_list() {
    std::vector<std::uint32_t> out;
    out.push_back(parse_expr());
    while (got(",")) {
      out.push_back(parse_expr());
    }
    return out;
  }

  static int precedence(const token &t) {
    if (t.kind != token_kind::op) {
      return 0;
    }
    const std::string_view s = t.text;
    if (s == "||") {
      return 1;
    }
    if (s == "&&") {
      return 2;
    }
    if (s == "==" || s == "!=" || s == "<" || s == "<=" || s == ">" || s == ">=") {
      return 3;
    }
    if (s == "+" || s == "-" || s == "|" || s == "^") {
      return 4;
    }
    if (s == "*" || s == "/" || s == "%" || s == "<<" || s == ">>" || s == "&" || s == "&^") {
      return 5;
    }
    return 0;
  }

  std::uint32_t parse_expr() { return parse_binary(1); }

  std::uint32_t parse_binary(int prec1) {
    const std::uint32_t first = p_;
    std::uint32_t x = parse_unary();
    for (;;) {
      const int prec = precedence(cur());
      if (prec < prec1) {
        return x;
      }
      const std::string_view op = cur().text;
      next();
      const std::uint32_t y = parse_binary(prec + 1);
      x = wrap(node_kind::binary, first, {x, y}, op);
    }
  }

  std::uint32_t parse_unary() {
    const std::uint32_t first = p_;
    if (++depth_ > max_depth) {
      --depth_;
      // Too deep: give up on this expression.
      skip_to_semi();
      return leaf(node_kind::bad, first, p_);
    }
    std::uint32_t out = 0;
    if (cur().kind == token_kind::op &&
        (is_op("+") || is_op("-") || is_op("!") || is_op("^") || is_op("&") || is_op("*") || is_op("<-") ||
         is_op("~"))) {
      const std::string_view op = cur().text;
      next();
      const std::uint32_t x = parse_unary();
      out = wrap(node_kind::unary, first, {x}, op);
    } else {
      out = parse_primary();
    }
    --depth_;
    return out;
  }

  std::uint32_t unparen(std::uint32_t n) const {
    for (int guard = 0; nodes[n].kind == node_kind::paren && !nodes[n].kids.empty() && guard < 1000; ++guard) {
      n = nodes[n].kids[0];
    }
    return n;
  }

  std::uint32_t parse_primary() {
    const std::uint32_t first = p_;
    std::uint32_t x = parse_operand();
    for (;;) {
      if (is_op(".")) {
        next();
        if (is_ident()) {
          const std::string_view sel = cur().text;
          next();
          x = wrap(node_kind::selector, first, {x}, sel);
          funcs[fn_].selectors.push_back(x);
        } else if (is_op("(")) {
          next();
          if (is_kw("type")) {
            next();
          } else {
            parse_type();
          }
          got(")");
          x = wrap(node_kind::type_assert, first, {x});
        } else {
          return x;
        }
      } else if (is_op("[")) {
        next();
        ++expr_lev_;
        go_node n;
        n.kind = node_kind::index;
        n.kids.push_back(x);
        while (!at_eof() && !is_op("]")) {
          const std::uint32_t start = p_;
          if (is_op(":")) {
            n.kind = node_kind::slice;
            next();
            continue;
          }
          if (is_op(",")) {
            next();
            continue;
          }
          n.kids.push_back(parse_expr());
          if (p_ == start) {
            break;
          }
        }
        --expr_lev_;
        got("]");
        n.first = first;
        n.last = p_;
        x = add(std::move(n));
      } else if (is_op("(")) {
        next();
        ++expr_lev_;
        go_node n;
        n.kind = node_kind::call;
        n.kids.push_back(x);
        while (!at_eof() && !is_op(")")) {
          const std::uint32_t start = p_;
          n.kids.push_back(parse_expr());
          got("...");
          if (!got(",") && p_ == start) {
            break;
          }
          if (p_ == start) {
            break;
          }
        }
        --expr_lev_;
        got(")");
        n.first = first;
        n.last = p_;
        x = add(std::move(n));
        funcs[fn_].calls.push_back(x);
      } else if (is_op("{")) {
        const go_node &t = nodes[unparen(x)];
        bool literal = false;
        switch (t.kind) {
        case node_kind::bad:
        case node_kind::ident:
        case node_kind::selector:
        case node_kind::index:
          literal = expr_lev_ >= 0;
          break;
        case node_kind::type:
          literal = t.composite_type;
          break;
        default:
          literal = false;
        }
        if (!literal) {
          return x;
        }
        x = parse_literal_value(first, x);
      } else {
        return x;
      }
    }
  }

  std::uint32_t parse_literal_value(std::uint32_t first, std::uint32_t type) {
    if (++depth_ > max_depth) {
      --depth_;
      skip_group();
      return leaf(node_kind::bad, first, p_);
    }
    go_node n;
    n.kind = node_kind::composite;
    n.kids.push_back(type);
    next(); // {
    ++expr_lev_;
    while (!at_eof() && !is_op("}")) {
      const std::uint32_t start = p_;
      std::uint32_t e = 0;
      const std::uint32_t e_first = p_;
      if (is_op("{")) {
        e = parse_literal_value(p_, leaf(node_kind::bad, p_, p_));
      } else {
        e = parse_expr();
      }
      if (got(":")) {
        std::uint32_t v = 0;
        if (is_op("{")) {
          v = parse_literal_value(p_, leaf(node_kind::bad, p_, p_));
        } else {
          v = parse_expr();
        }
        e = wrap(node_kind::key_value, e_first, {e, v});
      }
      n.kids.push_back(e);
      if (!got(",") && !is_op("}")) {
        skip_to_semi();
        break;
      }
      if (p_ == start) {
        break;
      }
    }
    --expr_lev_;
    got("}");
    n.first = first;
    n.last = p_;
    --depth_;
    const std::uint32_t id = add(std::move(n));
    funcs[fn_].composites.push_back(id);
    return id;
  }

  std::uint32_t parse_operand() {
    const std::uint32_t first = p_;
    const token &t = cur();
    switch (t.kind) {
    case token_kind::identifier:
      next();
      return leaf(node_kind::ident, first, p_, t.text);
    case token_kind::number:
    case token_kind::rune:
    case token_kind::string:
    case token_kind::raw_string: {
      next();
      const std::uint32_t n = leaf(node_kind::literal, first, p_, t.text);
      nodes[n].lit = t.kind;
      return n;
    }
    default:
      break;
    }
    if (is_op("(")) {
      next();
      ++expr_lev_;
      const std::uint32_t x = parse_expr();
      --expr_lev_;
      got(")");
      return wrap(node_kind::paren, first, {x});
    }
    if (is_kw("func")) {
      // The signature as parse_type reads it, keeping the parameter names
      // for the body (go/parser parseFuncTypeOrLit).
      next();
      std::vector<go_param> params = parse_params();
      if (is_op("(")) {
        std::vector<go_param> results = parse_params();
        params.insert(params.end(), results.begin(), results.end());
      } else if (starts_type()) {
        parse_type();
      }
      const std::uint32_t type = leaf(node_kind::type, first, p_);
      if (!is_op("{")) {
        return type;
      }
      const int saved = expr_lev_;
      expr_lev_ = 0;
      lit_params_ = std::move(params);
      parse_block();
      expr_lev_ = saved;
      return wrap(node_kind::func_lit, first, {type});
    }
    if (is_op("[") || is_kw("map") || is_kw("chan") || is_kw("struct") || is_kw("interface")) {
      return parse_type();
    }
    // Not an operand: leave closing tokens to the caller.
    if (!(is_op(")") || is_op("]") || is_op("}") || is_op(",") || is_op(":") || is_op("=") || is_op(":=") ||
          cur().kind == token_kind::semicolon || at_eof() || is_op("{"))) {
      next();
    }
    return leaf(node_kind::bad, first, p_);
  }

  // --- statements -----------------------------------------------------------

  void parse_block() {
    if (!is_op("{")) {
      return;
    }
    const std::uint32_t id = open_scope();
    for (go_param &param : lit_params_) {
      if (!param.name.empty() && param.name != "_") {
        funcs[fn_].lit_params.push_back(go_lit_param{std::move(param.name), std::move(param.type), id, p_});
      }
    }
    lit_params_.clear();
    next();
    parse_stmt_list();
    got("}");
    close_scope(id);
  }

  void parse_stmt_list() {
    while (!at_eof() && !is_op("}") && !is_kw("case") && !is_kw("default")) {
      const std::uint32_t start = p_;
      parse_stmt();
      if (p_ == start) {
        next();
      }
    }
  }

  struct simple_result {
    bool range = false;
  };

  void record_assign(const std::vector<std::uint32_t> &lhs, const std::vector<std::uint32_t> &rhs, bool define,
                     std::uint32_t tok, bool range, std::optional<std::uint32_t> range_expr = std::nullopt) {
    for (std::size_t i = 0; i < lhs.size(); ++i) {
      const go_node &l = nodes[lhs[i]];
      if (l.kind != node_kind::ident || l.text == "_") {
        continue;
      }
      go_assign a;
      a.name = l.text;
      a.tok = tok;
      a.scope = scope_stack_.empty() ? 0 : scope_stack_.back();
      a.define = define;
      if (range) {
        a.src = assign_source::range;
        a.index = static_cast<std::uint32_t>(i);
        a.range_expr = range_expr.value_or(0);
        a.has_range_expr = range_expr.has_value();
      } else if (rhs.size() == lhs.size()) {
        a.src = assign_source::expr;
        a.rhs = rhs[i];
        a.has_rhs = true;
      } else if (rhs.size() == 1) {
        a.src = assign_source::multi;
        a.rhs = rhs[0];
        a.index = static_cast<std::uint32_t>(i);
        a.has_rhs = true;
      } else {
        continue;
      }
      funcs[fn_].assigns.push_back(std::move(a));
    }
  }

  simple_result parse_simple_stmt(bool range_ok, bool label_ok) {
    simple_result out;
    const std::uint32_t tok = p_;
    if (range_ok && is_kw("range")) {
      next();
      parse_expr();
      out.range = true;
      return out;
    }
    const std::vector<std::uint32_t> lhs = parse_expr_list();
    if (cur().kind != token_kind::op) {
      return out;
    }
    const std::string_view op = cur().text;
    if (op == ":=" || op == "=" ||
        (op.size() >= 2 && op.back() == '=' && op != "==" && op != "!=" && op != "<=" && op != ">=")) {
      next();
      if (range_ok && is_kw("range")) {
        next();
        const std::uint32_t ranged = parse_expr();
        if (op == ":=" || op == "=") {
          record_assign(lhs, {}, op == ":=", tok, true, ranged);
        }
        out.range = true;
        return out;
      }
      const std::vector<std::uint32_t> rhs = parse_expr_list();
      if (op == ":=" || op == "=") {
        record_assign(lhs, rhs, op == ":=", tok, false);
      }
    } else if (op == ":" && label_ok && lhs.size() == 1 && nodes[lhs[0]].kind == node_kind::ident) {
      next();
      if (!is_op("}")) {
        parse_stmt();
      }
    } else if (op == "<-") {
      next();
      parse_expr();
    } else if (op == "++" || op == "--") {
      next();
    }
    return out;
  }

  void parse_if() {
    if (++depth_ > max_depth) {
      --depth_;
      skip_to_semi();
      return;
    }
    const std::uint32_t id = open_scope();
    next(); // if
    const int saved = expr_lev_;
    expr_lev_ = -1;
    if (!is_op("{")) {
      parse_simple_stmt(false, false);
      if (cur().kind == token_kind::semicolon) {
        next();
        if (!is_op("{")) {
          parse_simple_stmt(false, false);
        }
      }
    }
    expr_lev_ = saved;
    parse_block();
    if (is_kw("else")) {
      next();
      if (is_kw("if")) {
        parse_if();
      } else {
        parse_block();
      }
    }
    close_scope(id);
    --depth_;
  }

  void parse_for() {
    const std::uint32_t id = open_scope();
    next(); // for
    const int saved = expr_lev_;
    expr_lev_ = -1;
    if (!is_op("{")) {
      const simple_result s1 = parse_simple_stmt(true, false);
      if (!s1.range && cur().kind == token_kind::semicolon) {
        next();
        if (cur().kind != token_kind::semicolon) {
          parse_expr();
        }
        if (cur().kind == token_kind::semicolon) {
          next();
        }
        if (!is_op("{")) {
          parse_simple_stmt(false, false);
        }
      }
    }
    expr_lev_ = saved;
    parse_block();
    close_scope(id);
  }

  void parse_switch_like(bool is_select) {
    const std::uint32_t id = open_scope();
    next(); // switch / select
    const int saved = expr_lev_;
    expr_lev_ = -1;
    if (!is_select && !is_op("{")) {
      parse_simple_stmt(false, false);
      if (cur().kind == token_kind::semicolon) {
        next();
        if (!is_op("{")) {
          parse_simple_stmt(false, false);
        }
      }
    }
    expr_lev_ = saved;
    if (is_op("{")) {
      next();
      while (is_kw("case") || is_kw("default")) {
        const std::uint32_t clause = open_scope();
        const bool is_case = is_kw("case");
        next();
        if (is_case) {
          if (is_select) {
            parse_simple_stmt(false, false);
          } else {
            parse_expr_list();
          }
        }
        got(":");
        parse_stmt_list();
        close_scope(clause);
      }
      got("}");
    }
    close_scope(id);
  }

  void parse_stmt() {
    if (++depth_ > max_depth) {
      --depth_;
      skip_to_semi();
      expect_semi();
      return;
    }
    if (is_kw("var") || is_kw("const")) {
      parse_var_decl(is_kw("const"));
      expect_semi();
    } else if (is_kw("type")) {
      next();
      skip_to_semi();
      expect_semi();
    } else if (is_op("{")) {
      parse_block();
      expect_semi();
    } else if (is_kw("if")) {
      parse_if();
      expect_semi();
    } else if (is_kw("for")) {
      parse_for();
      expect_semi();
    } else if (is_kw("switch") || is_kw("select")) {
      parse_switch_like(is_kw("select"));
      expect_semi();
    } else if (is_kw("go") || is_kw("defer")) {
      const bool is_defer = is_kw("defer");
      next();
      const std::uint32_t x = parse_expr();
      if (is_defer) {
        const go_node &call = nodes[x];
        std::pair<std::uint32_t, std::uint32_t> range{call.first, call.last};
        if (call.kind == node_kind::call && !call.kids.empty()) {
          const go_node &fun = nodes[unparen(call.kids[0])];
          if (fun.kind == node_kind::func_lit) {
            range = {fun.first, fun.last};
          }
        }
        funcs[fn_].deferred.push_back(range);
      }
      expect_semi();
    } else if (is_kw("return")) {
      next();
      if (cur().kind != token_kind::semicolon && !is_op("}")) {
        parse_expr_list();
      }
      expect_semi();
    } else if (is_kw("break") || is_kw("continue") || is_kw("goto")) {
      next();
      if (is_ident()) {
        next();
      }
      expect_semi();
    } else if (is_kw("fallthrough")) {
      next();
      expect_semi();
    } else if (cur().kind == token_kind::semicolon) {
      next();
    } else if (is_op("}") || at_eof()) {
      // end of the list
    } else {
      parse_simple_stmt(false, true);
      expect_semi();
    }
    --depth_;
  }
};

/// Whether `name` (after "C.") is a type, and whether a numeric one.
struct c_type_info {
  bool is_type = false;
  bool numeric = false;
};

/// Typedef names declared in the preamble text (a light scan).
inline std::set<std::string> preamble_typedefs(std::string_view text) {
  std::set<std::string> out;
  const auto ident_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  };
  std::size_t i = 0;
  while ((i = text.find("typedef", i)) != std::string_view::npos) {
    const bool starts = i == 0 || !ident_char(text[i - 1]);
    i += 7;
    if (!starts || (i < text.size() && ident_char(text[i]))) {
      continue;
    }
    int depth = 0;
    std::string last;
    std::string fn_ptr;
    for (; i < text.size(); ++i) {
      const char c = text[i];
      if (c == '{' || c == '(' || c == '[') {
        if (c == '(' && depth == 0 && fn_ptr.empty()) {
          // typedef R (*NAME)(...);
          std::size_t k = i + 1;
          while (k < text.size() && (text[k] == ' ' || text[k] == '*' || text[k] == '\t')) {
            ++k;
          }
          std::size_t e = k;
          while (e < text.size() && ident_char(text[e])) {
            ++e;
          }
          if (e > k && text.substr(i + 1, k - i - 1).find('*') != std::string_view::npos) {
            fn_ptr = std::string(text.substr(k, e - k));
          }
        }
        ++depth;
      } else if (c == '}' || c == ')' || c == ']') {
        --depth;
      } else if (c == ';' && depth <= 0) {
        break;
      } else if (depth == 0 && ident_char(c) && (i == 0 || !ident_char(text[i - 1]))) {
        std::size_t e = i;
        while (e < text.size() && ident_char(text[e])) {
          ++e;
        }
        last = std::string(text.substr(i, e - i));
        i = e - 1;
      }
    }
    const std::string name = fn_ptr.empty() ? last : fn_ptr;
    if (!name.empty() && (name[0] < '0' || name[0] > '9')) {
      out.insert(name);
    }
  }
  return out;
}

/// The classification of one expression.
struct verdict {
  provenance kind = provenance::unknown;
  std::string why;
  bool go_string = false;
  bool notable = false; ///< a why that conversions keep (cgo.NewHandle, uintptr of a pointer)
  bool held = false;    ///< unknown, read from a struct field or package variable
};

inline int join_rank(provenance p) {
  switch (p) {
  case provenance::go_memory: return 6;
  case provenance::pinned: return 5;
  case provenance::unknown: return 4;
  case provenance::c_memory: return 3;
  case provenance::integer: return 2;
  case provenance::nil: return 1;
  }
  return 0;
}

class fact_classifier {
public:
  fact_classifier(const go_parser &p, std::string_view content, const go_file &file, const fact_options &opts)
      : p_(p), t_(p.tokens()), content_(content), file_(file) {
    for (const std::string &n : opts.c_type_names) {
      typedefs_.insert(n);
    }
    if (file.cgo_preamble) {
      for (const std::string &n : preamble_typedefs(file.cgo_preamble->text)) {
        typedefs_.insert(n);
      }
    }
  }

  c_type_info c_type(std::string_view name) const {
    static constexpr std::array<std::string_view, 31> numeric = {
        "char",    "schar",    "uchar",     "short",     "ushort",        "int",      "uint",     "long",
        "ulong",   "longlong", "ulonglong", "float",     "double",        "complexfloat", "complexdouble",
        "size_t",  "ssize_t",  "int8_t",    "int16_t",   "int32_t",       "int64_t",  "uint8_t",  "uint16_t",
        "uint32_t", "uint64_t", "intptr_t", "uintptr_t", "ptrdiff_t",     "_Bool",    "bool",     "off_t"};
    if (std::find(numeric.begin(), numeric.end(), name) != numeric.end() || name.rfind("enum_", 0) == 0) {
      return {true, true};
    }
    if (name.rfind("struct_", 0) == 0 || name.rfind("union_", 0) == 0 ||
        (name.size() > 2 && name.substr(name.size() - 2) == "_t") || typedefs_.count(std::string(name)) > 0) {
      return {true, false};
    }
    return {};
  }

  go_facts run() {
    go_facts out;
    out.exports = file_.exports;
    if (!file_.imports_c) {
      return out;
    }
    std::set<std::string> types;
    for (std::size_t i = 0; i + 2 < t_.size(); ++i) {
      if (is_c_ident(i) && t_[i + 1].kind == token_kind::op && t_[i + 1].text == "." &&
          t_[i + 2].kind == token_kind::identifier && c_type(t_[i + 2].text).is_type) {
        types.insert(std::string(t_[i + 2].text));
      }
    }
    out.c_types_used.assign(types.begin(), types.end());
    for (const go_func &func : p_.funcs) {
      fn_ = &func;
      for (const std::uint32_t call : fn_->calls) {
        const std::optional<std::string_view> name = c_function(call);
        if (!name) {
          continue;
        }
        const go_node &n = p_.nodes[call];
        c_call c;
        c.function = std::string(*name);
        c.pos = t_[n.first].pos;
        c.go_function = fn_->name;
        for (std::size_t a = 1; a < n.kids.size(); ++a) {
          c.args.push_back(argument(n.kids[a], call));
        }
        out.calls.push_back(std::move(c));
      }
    }
    // Each call has its own `C` token, so positions are unique.
    std::sort(out.calls.begin(), out.calls.end(), [](const c_call &a, const c_call &b) { return a.pos < b.pos; });
    for (const go_func &func : p_.funcs) {
      fn_ = &func;
      field_accesses(out.field_accesses);
    }
    std::sort(out.field_accesses.begin(), out.field_accesses.end(),
              [](const field_access &a, const field_access &b) { return a.pos < b.pos; });
    out.field_accesses.erase(std::unique(out.field_accesses.begin(), out.field_accesses.end(),
                                         [](const field_access &a, const field_access &b) {
                                           return a.pos == b.pos && a.field == b.field;
                                         }),
                             out.field_accesses.end());
    return out;
  }

private:
  const go_parser &p_;
  const std::vector<token> &t_;
  std::string_view content_;
  const go_file &file_;
  std::set<std::string> typedefs_;
  const go_func *fn_ = nullptr;
  std::set<std::pair<std::string_view, std::uint32_t>> resolving_;
  int depth_ = 0;
  int budget_ = 0;
  std::set<std::pair<std::string_view, std::uint32_t>> typing_;
  int type_budget_ = 0;

  static constexpr int max_depth = 32;
  static constexpr int max_steps = 4000; // per argument: joins can branch
  static constexpr int max_type_steps = 256; // per selector

  const go_node &node(std::uint32_t n) const { return p_.nodes[n]; }

  bool is_c_ident(std::size_t i) const {
    return t_[i].kind == token_kind::identifier && t_[i].text == "C" &&
           (i == 0 || t_[i - 1].kind != token_kind::op || t_[i - 1].text != ".");
  }

  std::uint32_t unparen(std::uint32_t n) const {
    for (int guard = 0; node(n).kind == node_kind::paren && !node(n).kids.empty() && guard < 1000; ++guard) {
      n = node(n).kids[0];
    }
    return n;
  }

  std::string text(std::uint32_t n) const {
    const go_node &x = node(n);
    if (x.last <= x.first || x.last > t_.size()) {
      return {};
    }
    const token &a = t_[x.first];
    const token &b = t_[x.last - 1];
    const std::size_t end = b.offset + (is_automatic_semicolon(b) ? 0 : b.text.size());
    if (end < a.offset || end > content_.size()) {
      return std::string(a.text);
    }
    return std::string(content_.substr(a.offset, end - a.offset));
  }

  std::uint32_t line(std::uint32_t n) const { return t_[node(n).first].pos.line; }

  // `pkg.name` with pkg a plain identifier: returns {pkg, name}.
  std::optional<std::pair<std::string_view, std::string_view>> qualified(std::uint32_t n) const {
    const go_node &x = node(unparen(n));
    if (x.kind != node_kind::selector || x.kids.empty()) {
      return std::nullopt;
    }
    const go_node &base = node(x.kids[0]);
    if (base.kind != node_kind::ident) {
      return std::nullopt;
    }
    return std::pair<std::string_view, std::string_view>{base.text, x.text};
  }

  static bool is_c_builtin(std::string_view name) {
    return name == "CString" || name == "CBytes" || name == "GoString" || name == "GoStringN" || name == "GoBytes";
  }

  // The C function a call node calls, if it is a C function call.
  std::optional<std::string_view> c_function(std::uint32_t call) const {
    const go_node &n = node(call);
    if (n.kind != node_kind::call || n.kids.empty()) {
      return std::nullopt;
    }
    const auto q = qualified(n.kids[0]);
    if (!q || q->first != "C" || is_c_builtin(q->second) || c_type(q->second).is_type) {
      return std::nullopt;
    }
    return q->second;
  }

  // --- root variables, pins and frees ----------------------------------------

  // The variable an argument's memory is reached through.
  std::optional<std::string_view> root_var(std::uint32_t n) const {
    for (int guard = 0; guard < 100; ++guard) {
      const go_node &x = node(n);
      switch (x.kind) {
      case node_kind::ident: return x.text;
      case node_kind::paren:
      case node_kind::selector:
      case node_kind::index:
      case node_kind::slice:
      case node_kind::unary:
        if (x.kids.empty() || (x.kind == node_kind::unary && x.text != "&" && x.text != "*")) {
          return std::nullopt;
        }
        if (x.kind == node_kind::selector) {
          const auto q = qualified(n);
          if (q && q->first == "C") {
            return std::nullopt;
          }
        }
        n = x.kids[0];
        break;
      case node_kind::call: {
        if (x.kids.size() < 2) {
          return std::nullopt;
        }
        const go_node &fun = node(unparen(x.kids[0]));
        const auto q = qualified(x.kids[0]);
        const bool look_through =
            (q && q->first == "unsafe" &&
             (q->second == "Pointer" || q->second == "SliceData" || q->second == "StringData" ||
              q->second == "Slice" || q->second == "String" || q->second == "Add")) ||
            (q && q->first == "C" && c_type(q->second).is_type) ||
            (fun.kind == node_kind::unary && fun.text == "*") || (fun.kind == node_kind::ident && fun.text == "uintptr");
        if (!look_through) {
          return std::nullopt;
        }
        n = x.kids[1];
        break;
      }
      default: return std::nullopt;
      }
    }
    return std::nullopt;
  }

  static bool in_range(std::uint32_t tok, const std::pair<std::uint32_t, std::uint32_t> &r) {
    return tok >= r.first && tok < r.second;
  }

  bool deferred(std::uint32_t tok) const {
    return std::any_of(fn_->deferred.begin(), fn_->deferred.end(),
                       [&](const auto &r) { return in_range(tok, r); });
  }

  bool freed_after(std::string_view var, std::uint32_t call) const {
    const std::uint32_t call_tok = node(call).first;
    return std::any_of(fn_->calls.begin(), fn_->calls.end(), [&](std::uint32_t other) {
      const go_node &o = node(other);
      if (other == call || o.kids.size() < 2) {
        return false;
      }
      const auto q = qualified(o.kids[0]);
      if (!q || q->first != "C" || q->second != "free" || (!deferred(o.first) && o.first <= call_tok)) {
        return false;
      }
      const auto freed = root_var(o.kids[1]);
      return freed && *freed == var;
    });
  }

  // The line of a Pin of `var` before `tok` that no later Unpin undid.
  std::optional<std::uint32_t> pinned_at(std::string_view var, std::uint32_t tok) const {
    std::optional<std::uint32_t> line;
    std::uint32_t pin_tok = 0;
    for (const std::uint32_t c : fn_->calls) {
      const go_node &n = node(c);
      if (n.first >= tok || n.kids.empty()) {
        continue;
      }
      const go_node &fun = node(unparen(n.kids[0]));
      if (fun.kind != node_kind::selector || (fun.text != "Pin" && fun.text != "Unpin")) {
        continue;
      }
      if (fun.text == "Pin" && n.kids.size() == 2) {
        const auto r = root_var(n.kids[1]);
        if (r && *r == var) {
          line = t_[n.first].pos.line;
          pin_tok = n.first;
        }
      }
    }
    if (!line) {
      return std::nullopt;
    }
    for (const std::uint32_t c : fn_->calls) {
      const go_node &n = node(c);
      if (n.kids.empty() || n.first <= pin_tok || n.first >= tok || deferred(n.first)) {
        continue;
      }
      const go_node &fun = node(unparen(n.kids[0]));
      if (fun.kind == node_kind::selector && fun.text == "Unpin" && n.kids.size() == 1) {
        return std::nullopt;
      }
    }
    return line;
  }

  // --- field accesses -----------------------------------------------------------
  //
  // The type of a selector's base, as far as declarations and conversions
  // in the same file say it (Go spec "Selectors": x.f on a pointer to a
  // struct is (*x).f, one level only; "Index expressions", "Slice
  // expressions", "For statements with range clause"). cmd/cgo gives
  // `C.name` in a type position the C type of that name (src/cmd/cgo/doc.go
  // "Go references to C"; gcc.go typeConv.Struct builds the Go struct and
  // drops bit-fields, misaligned and packed fields). Anything else is
  // unknown, and nothing is recorded for it.

  /// A Go type as written with the spaces removed ("*C.struct_x",
  /// "[4]C.x"), or the value a C function returned (its type is C's).
  struct go_type {
    std::string go;
    std::string via_call;
  };

  static std::string squeeze(std::string_view s) {
    std::string out;
    for (const char c : s) {
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        out += c;
      }
    }
    return out;
  }

  // The element type of an array, slice, pointer to array or map type.
  static std::string element_type(std::string t) {
    if (t.rfind("*[", 0) == 0) {
      t.erase(0, 1); // indexing a pointer to an array indexes the array
    }
    std::size_t open = std::string::npos;
    if (t.rfind('[', 0) == 0) {
      open = 0;
    } else if (t.rfind("map[", 0) == 0) {
      open = 3;
    }
    if (open == std::string::npos) {
      return {};
    }
    int depth = 0;
    for (std::size_t i = open; i < t.size(); ++i) {
      if (t[i] == '[') {
        ++depth;
      } else if (t[i] == ']' && --depth == 0) {
        return t.substr(i + 1);
      }
    }
    return {};
  }

  // The C struct/union/typedef name a value of Go type t selects fields of:
  // "C.x" or "*C.x" with x not a numeric type; "" otherwise.
  std::string selectable_c_type(std::string_view t) const {
    if (!t.empty() && t[0] == '*') {
      t.remove_prefix(1);
    }
    if (t.rfind("C.", 0) != 0 || t.size() == 2) {
      return {};
    }
    const std::string_view name = t.substr(2);
    const bool ident = std::all_of(name.begin(), name.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    });
    if (!ident || c_type(name).numeric) {
      return {};
    }
    return std::string(name);
  }

  // The declaration of `name` that is in scope at `tok`: the last `:=` or
  // `var` before it in a block enclosing it, a function literal's
  // parameter, the function's parameter, or a package-level `var`.
  go_type variable_type(std::string_view name, std::uint32_t tok, int depth) {
    if (name == "_" || name == "C" || !typing_.insert({name, tok}).second) {
      return {};
    }
    const auto encloses = [&](std::uint32_t scope) {
      const go_scope &s = p_.scopes[scope];
      return tok >= s.first && tok < s.last;
    };
    const go_assign *decl = nullptr;
    for (const go_assign &a : fn_->assigns) {
      if (a.name == name && a.define && a.tok < tok && encloses(a.scope) && (decl == nullptr || a.tok >= decl->tok)) {
        decl = &a;
      }
    }
    const go_lit_param *lit = nullptr;
    for (const go_lit_param &l : fn_->lit_params) {
      if (l.name == name && l.tok < tok && encloses(l.scope) && (lit == nullptr || l.tok >= lit->tok)) {
        lit = &l;
      }
    }
    if (lit != nullptr && (decl == nullptr || lit->tok > decl->tok)) {
      return go_type{squeeze(lit->type), {}};
    }
    if (decl != nullptr) {
      return declared_type(*decl, depth);
    }
    for (const go_param &param : fn_->params) {
      if (param.name == name) {
        return go_type{squeeze(param.type), {}};
      }
    }
    if (fn_ != &p_.funcs.front()) {
      for (const go_assign &a : p_.funcs.front().assigns) {
        if (a.name == name && a.define) {
          const go_func *saved = fn_;
          fn_ = &p_.funcs.front();
          go_type t = declared_type(a, depth);
          fn_ = saved;
          return t;
        }
      }
    }
    return {};
  }

  go_type declared_type(const go_assign &a, int depth) {
    if (!a.type.empty()) {
      return go_type{squeeze(a.type), {}};
    }
    switch (a.src) {
    case assign_source::expr:
      return a.has_rhs ? expr_type(a.rhs, a.tok, depth + 1) : go_type{};
    case assign_source::multi: {
      // v, err := C.f(...): v is what f returned (cmd/cgo doc.go, errno).
      if (a.has_rhs && a.index == 0) {
        if (const auto f = c_function(unparen(a.rhs))) {
          return go_type{{}, std::string(*f)};
        }
      }
      return {};
    }
    case assign_source::range:
      if (a.has_range_expr && a.index == 1) {
        const go_type over = expr_type(a.range_expr, a.tok, depth + 1);
        return go_type{element_type(over.go), {}};
      }
      return {};
    default:
      return {};
    }
  }

  go_type expr_type(std::uint32_t n, std::uint32_t tok, int depth) {
    if (depth > max_depth || --type_budget_ < 0) {
      return {};
    }
    const go_node &x = node(n);
    switch (x.kind) {
    case node_kind::paren:
      return x.kids.empty() ? go_type{} : expr_type(x.kids[0], tok, depth + 1);
    case node_kind::ident:
      return variable_type(x.text, tok, depth + 1);
    case node_kind::index: {
      if (x.kids.empty()) {
        return {};
      }
      return go_type{element_type(expr_type(x.kids[0], tok, depth + 1).go), {}};
    }
    case node_kind::slice: {
      if (x.kids.empty()) {
        return {};
      }
      std::string t = expr_type(x.kids[0], tok, depth + 1).go;
      if (t.rfind("*[", 0) == 0) {
        t.erase(0, 1);
      }
      if (t.rfind("[]", 0) == 0) {
        return go_type{t, {}};
      }
      if (t.rfind('[', 0) == 0) {
        const std::string e = element_type(t);
        return e.empty() ? go_type{} : go_type{"[]" + e, {}};
      }
      return {};
    }
    case node_kind::unary: {
      if (x.kids.empty()) {
        return {};
      }
      go_type t = expr_type(x.kids[0], tok, depth + 1);
      if (x.text == "*") {
        if (!t.via_call.empty()) {
          return t; // *C.f(): still what f returned
        }
        return t.go.rfind('*', 0) == 0 ? go_type{t.go.substr(1), {}} : go_type{};
      }
      if (x.text == "&" && !t.go.empty()) {
        return go_type{"*" + t.go, {}};
      }
      return {};
    }
    case node_kind::composite: {
      if (x.kids.empty() || node(x.kids[0]).kind == node_kind::bad) {
        return {}; // an elided type: see literal_keys
      }
      return go_type{squeeze(text(x.kids[0])), {}};
    }
    case node_kind::call:
      return call_type(n, tok, depth);
    default:
      // Fields (their C types are the plugin's business), C variables,
      // results of Go functions, literals.
      return {};
    }
  }

  go_type call_type(std::uint32_t n, std::uint32_t tok, int depth) {
    const go_node &c = node(n);
    if (c.kids.empty()) {
      return {};
    }
    if (const auto f = c_function(n)) {
      return go_type{{}, std::string(*f)};
    }
    const std::uint32_t fun = unparen(c.kids[0]);
    const go_node &f = node(fun);
    const bool has_arg = c.kids.size() > 1;
    if (const auto q = qualified(fun)) {
      if (q->first == "C" && c_type(q->second).is_type) {
        return go_type{"C." + std::string(q->second), {}}; // C.T(x)
      }
      if (q->first == "unsafe" && q->second == "Slice" && has_arg) {
        const std::string p = expr_type(c.kids[1], tok, depth + 1).go;
        return p.rfind('*', 0) == 0 ? go_type{"[]" + p.substr(1), {}} : go_type{};
      }
      return {};
    }
    if (f.kind == node_kind::ident && f.text == "new" && has_arg) {
      return go_type{"*" + squeeze(text(c.kids[1])), {}};
    }
    if (f.kind == node_kind::unary && f.text == "*" && !f.kids.empty()) {
      // (*T)(e) with T written as C.x or a type literal ([N]C.x).
      const std::uint32_t t = unparen(f.kids[0]);
      const auto q = qualified(t);
      if ((q && q->first == "C" && !c_function(n)) || node(t).kind == node_kind::type) {
        return go_type{"*" + squeeze(text(t)), {}};
      }
    }
    return {};
  }

  void record_access(std::vector<field_access> &out, std::string_view field, const go_type &t, std::uint32_t tok) {
    field_access a;
    a.field = std::string(field);
    a.via_call = t.via_call;
    if (a.via_call.empty()) {
      a.c_type = selectable_c_type(t.go);
      if (a.c_type.empty()) {
        return;
      }
    }
    a.pos = t_[tok].pos;
    a.go_function = fn_->name;
    out.push_back(std::move(a));
  }

  // The keys of a composite literal of type t (and of the literals of
  // its elements when their type is elided: []C.struct_x{{a: 1}}).
  void literal_keys(std::vector<field_access> &out, std::uint32_t lit, const std::string &t, int depth) {
    const go_node &x = node(lit);
    if (depth > max_depth) {
      return;
    }
    if (!selectable_c_type(t).empty() && t[0] != '*') {
      for (std::size_t i = 1; i < x.kids.size(); ++i) {
        const go_node &kv = node(x.kids[i]);
        if (kv.kind == node_kind::key_value && kv.kids.size() == 2 && node(kv.kids[0]).kind == node_kind::ident) {
          record_access(out, node(kv.kids[0]).text, go_type{t, {}}, node(kv.kids[0]).first);
        }
      }
      return;
    }
    std::string elem = element_type(t.rfind("*[", 0) == 0 ? std::string() : t);
    if (elem.rfind('*', 0) == 0) {
      elem.erase(0, 1); // {...} for &T{...} (Go spec "Composite literals")
    }
    if (elem.empty()) {
      return;
    }
    for (std::size_t i = 1; i < x.kids.size(); ++i) {
      std::uint32_t v = x.kids[i];
      if (node(v).kind == node_kind::key_value && node(v).kids.size() == 2) {
        v = node(v).kids[1];
      }
      const go_node &e = node(v);
      if (e.kind == node_kind::composite && !e.kids.empty() && node(e.kids[0]).kind == node_kind::bad) {
        literal_keys(out, v, elem, depth + 1);
      }
    }
  }

  void field_accesses(std::vector<field_access> &out) {
    std::set<std::uint32_t> called;
    for (const std::uint32_t c : fn_->calls) {
      if (!node(c).kids.empty()) {
        called.insert(unparen(node(c).kids[0]));
      }
    }
    for (const std::uint32_t s : fn_->selectors) {
      const go_node &x = node(s);
      if (x.kids.empty() || x.last == 0 || called.count(s) > 0) {
        continue; // a method call: C types have no methods
      }
      const auto q = qualified(s);
      if (q && q->first == "C") {
        continue; // C.name itself
      }
      typing_.clear();
      type_budget_ = max_type_steps;
      const go_type t = expr_type(x.kids[0], x.first, 0);
      if (t.go.empty() && t.via_call.empty()) {
        continue;
      }
      record_access(out, x.text, t, x.last - 1);
    }
    for (const std::uint32_t c : fn_->composites) {
      const go_node &x = node(c);
      if (x.kids.empty() || node(x.kids[0]).kind == node_kind::bad) {
        continue; // elided types are the outer literal's business
      }
      literal_keys(out, c, squeeze(text(x.kids[0])), 0);
    }
  }

  // --- classification ---------------------------------------------------------

  argument_fact argument(std::uint32_t arg, std::uint32_t call) {
    argument_fact f;
    f.text = text(arg);
    f.pos = t_[node(arg).first].pos;
    resolving_.clear();
    depth_ = 0;
    budget_ = max_steps;
    const std::uint32_t call_tok = node(call).first;
    verdict v = classify(arg, call_tok);
    std::optional<std::string_view> root = root_var(arg);
    // A Go pointer, or a parameter that may be one, pinned before the call.
    if ((v.kind == provenance::go_memory || v.kind == provenance::unknown) && root) {
      // Pinned directly, or through the variable it was copied from.
      std::string_view var = *root;
      for (int hop = 0; hop < 8; ++hop) {
        if (const auto l = pinned_at(var, call_tok)) {
          v.kind = provenance::pinned;
          v.why = "pinned with runtime.Pinner at line " + std::to_string(*l);
          break;
        }
        const go_assign *a = single_assignment(var, call_tok);
        if (a == nullptr || !a->has_rhs || a->src != assign_source::expr) {
          break;
        }
        const auto next = root_var(a->rhs);
        if (!next || *next == var) {
          break;
        }
        var = *next;
      }
    }
    if (root && (v.kind == provenance::c_memory || v.kind == provenance::unknown || v.kind == provenance::go_memory ||
                 v.kind == provenance::pinned)) {
      f.freed_by_go_after_call = freed_after(*root, call);
    }
    f.kind = v.kind;
    f.held = v.kind == provenance::unknown && v.held;
    f.why = std::move(v.why);
    return f;
  }

  static verdict make(provenance k, std::string why, bool go_string = false) {
    verdict v;
    v.kind = k;
    v.why = std::move(why);
    v.go_string = go_string;
    return v;
  }

  static verdict go_string(std::string why = "Go string passed as _GoString_") {
    return make(provenance::go_memory, std::move(why), true);
  }

  static bool numeric_go_type(std::string_view s) {
    static constexpr std::array<std::string_view, 18> types = {
        "int",     "int8",    "int16",     "int32",      "int64", "uint", "uint8", "uint16", "uint32",
        "uint64",  "uintptr", "float32",   "float64",    "complex64", "complex128", "byte", "rune", "bool"};
    return std::find(types.begin(), types.end(), s) != types.end();
  }

  // The zero value of a declared type.
  verdict zero_value(const std::string &type, std::string_view name) const {
    std::string t;
    for (const char c : type) {
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        t += c;
      }
    }
    if (t.empty()) {
      return make(provenance::unknown, std::string(name) + " (type unknown)");
    }
    if (t[0] == '*' || t.rfind("[]", 0) == 0 || t == "unsafe.Pointer" || t.rfind("map[", 0) == 0 || t.rfind("chan", 0) == 0 ||
        t.rfind("func", 0) == 0) {
      return make(provenance::nil, std::string(name) + " (zero value, nil)");
    }
    if (numeric_go_type(t) || (t.rfind("C.", 0) == 0 && c_type(t.substr(2)).numeric)) {
      return make(provenance::integer, std::string(name) + " (" + t + ")");
    }
    if (t == "string") {
      return go_string();
    }
    return make(provenance::unknown, std::string(name) + " (" + t + ")");
  }

  // A parameter's classification from its declared type.
  verdict parameter(const go_param &p) const {
    std::string t;
    for (const char c : p.type) {
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        t += c;
      }
    }
    if (t == "string") {
      return go_string();
    }
    if (numeric_go_type(t) || (t.rfind("C.", 0) == 0 && c_type(t.substr(2)).numeric)) {
      return make(provenance::integer, "parameter " + p.name + " (" + t + ")");
    }
    if (t == "cgo.Handle") {
      return make(provenance::integer, "cgo.Handle parameter " + p.name);
    }
    return make(provenance::unknown, "parameter " + p.name + (t.empty() ? "" : " (" + t + ")"));
  }

  // The assignments to `name` that may reach `tok` (see the header comment).
  std::vector<const go_assign *> reaching(const go_func &f, std::string_view name, std::uint32_t tok) const {
    std::vector<const go_assign *> set;
    for (const go_assign &a : f.assigns) {
      if (a.name != name || a.tok >= tok) {
        continue;
      }
      const go_scope &s = p_.scopes[a.scope];
      const bool encloses = tok >= s.first && tok < s.last;
      if (encloses) {
        set.assign(1, &a);
      } else if (!a.define) {
        set.push_back(&a);
      }
    }
    return set;
  }

  const go_assign *single_assignment(std::string_view name, std::uint32_t tok) const {
    const std::vector<const go_assign *> set = reaching(*fn_, name, tok);
    return set.size() == 1 ? set.front() : nullptr;
  }

  verdict from_assignment(const go_assign &a) {
    switch (a.src) {
    case assign_source::expr:
      return classify(a.rhs, a.tok);
    case assign_source::constant:
      if (a.has_rhs) {
        return classify(a.rhs, a.tok);
      }
      return make(provenance::integer, std::string(a.name) + " (constant)");
    case assign_source::zero:
      return zero_value(a.type, a.name);
    case assign_source::range:
      return make(provenance::unknown, std::string(a.name) + " (range variable)");
    case assign_source::multi: {
      const go_node &r = node(unparen(a.rhs));
      if (r.kind == node_kind::call) {
        const auto q = qualified(r.kids[0]);
        if (q && q->first == "C" && !is_c_builtin(q->second) && !c_type(q->second).is_type) {
          if (a.index == 0) {
            return classify(a.rhs, a.tok);
          }
          return make(provenance::unknown, "errno of C." + std::string(q->second));
        }
      }
      if (a.index == 1 && (r.kind == node_kind::type_assert || r.kind == node_kind::index ||
                           (r.kind == node_kind::unary && r.text == "<-"))) {
        return make(provenance::integer, "comma-ok boolean");
      }
      return make(provenance::unknown, "result " + std::to_string(a.index + 1) + " of " + text(a.rhs));
    }
    }
    return {};
  }

  verdict identifier(std::string_view name, std::uint32_t tok) {
    if (name == "nil") {
      return make(provenance::nil, "nil");
    }
    if (name == "true" || name == "false") {
      return make(provenance::integer, "boolean constant");
    }
    if (name == "iota") {
      return make(provenance::integer, "iota");
    }
    if (!resolving_.insert({name, tok}).second || depth_ > max_depth) {
      return make(provenance::unknown, std::string(name) + " (cyclic assignment)");
    }
    std::vector<const go_assign *> set = reaching(*fn_, name, tok);
    if (set.empty()) {
      for (const go_param &p : fn_->params) {
        if (p.name == name) {
          return parameter(p);
        }
      }
      if (fn_ != &p_.funcs.front()) {
        // Package-level declarations (any position).
        for (const go_assign &a : p_.funcs.front().assigns) {
          if (a.name == name) {
            set.assign(1, &a);
          }
        }
        if (!set.empty()) {
          const go_func *saved = fn_;
          fn_ = &p_.funcs.front();
          verdict v = from_assignment(*set.front());
          fn_ = saved;
          return v;
        }
      }
      return make(provenance::unknown, std::string(name) + " (no assignment found)");
    }
    verdict best;
    int best_rank = -1;
    for (const go_assign *a : set) {
      verdict v = from_assignment(*a);
      const int rank = join_rank(v.kind);
      if (rank >= best_rank) {
        best = std::move(v);
        best_rank = rank;
      }
    }
    // An out-parameter: `C.f(..., &x, ...)` before the use may store a C
    // pointer in x (getaddrinfo(..., &res)).
    if (const std::optional<std::string> setter = set_by_c(name, tok, set)) {
      verdict v = make(provenance::c_memory, "set by " + *setter + " through &" + std::string(name));
      if (join_rank(v.kind) > best_rank) {
        best = std::move(v);
      }
    }
    return best;
  }

  // The C function (as "C.f") a call before `tok` and after the reaching
  // assignments passed &name to.
  std::optional<std::string> set_by_c(std::string_view name, std::uint32_t tok,
                                      const std::vector<const go_assign *> &set) const {
    std::uint32_t after = 0;
    for (const go_assign *a : set) {
      after = std::max(after, a->tok);
    }
    std::optional<std::string> out;
    for (const std::uint32_t c : fn_->calls) {
      const go_node &n = node(c);
      if (n.first >= tok || n.first < after) {
        continue;
      }
      const std::optional<std::string_view> f = c_function(c);
      if (!f) {
        continue;
      }
      for (std::size_t i = 1; i < n.kids.size(); ++i) {
        const go_node &a = node(unparen(n.kids[i]));
        if (a.kind == node_kind::unary && a.text == "&" && !a.kids.empty()) {
          const go_node &v = node(unparen(a.kids[0]));
          if (v.kind == node_kind::ident && v.text == name) {
            out = "C." + std::string(*f);
          }
        }
      }
    }
    return out;
  }

  verdict classify(std::uint32_t n, std::uint32_t tok) {
    if (--budget_ < 0) {
      return make(provenance::unknown, "too complex to follow");
    }
    if (++depth_ > max_depth) {
      --depth_;
      return make(provenance::unknown, "too deep to follow");
    }
    verdict v = classify_node(n, tok);
    --depth_;
    return v;
  }

  verdict address_of(std::uint32_t operand, std::uint32_t whole, std::uint32_t tok) {
    const std::uint32_t x = unparen(operand);
    const go_node &o = node(x);
    if (o.kind == node_kind::composite) {
      return make(provenance::go_memory, text(whole) + " (composite literal)");
    }
    if (o.kind != node_kind::ident) {
      const std::optional<std::string_view> root = root_var(x);
      if (root && *root != "C") {
        const verdict r = identifier(*root, tok);
        if (r.kind == provenance::c_memory) {
          return make(provenance::c_memory, text(whole) + " (into " + r.why + ")");
        }
        if (reaching(*fn_, *root, tok).empty()) {
          for (const go_param &p : fn_->params) {
            if (p.name == *root && p.type.rfind("*C.", 0) == 0) {
              return make(provenance::unknown, text(whole) + " (through C pointer parameter " + p.name + ")");
            }
          }
        }
      }
    }
    return make(provenance::go_memory, text(whole) + " (address of a Go variable)");
  }

  verdict conversion_to_integer(const std::string &what, std::uint32_t arg, std::uint32_t tok) {
    verdict inner = classify(arg, tok);
    if (inner.notable) {
      return inner;
    }
    return make(provenance::integer, what);
  }

  verdict call(std::uint32_t n, std::uint32_t tok) {
    const go_node &c = node(n);
    const std::uint32_t fun = unparen(c.kids[0]);
    const go_node &f = node(fun);
    const std::uint32_t arg = c.kids.size() > 1 ? c.kids[1] : 0;
    const bool has_arg = c.kids.size() > 1;
    const std::string whole = text(n);
    if (const auto q = qualified(fun)) {
      const auto [pkg, name] = *q;
      if (pkg == "unsafe") {
        if ((name == "Pointer" || name == "Slice" || name == "String" || name == "Add") && has_arg) {
          return classify(arg, tok);
        }
        if ((name == "SliceData" || name == "StringData") && has_arg) {
          verdict inner = classify(arg, tok);
          if (inner.kind == provenance::c_memory || inner.kind == provenance::nil) {
            return inner;
          }
          return make(provenance::go_memory, whole + " (data of a Go " + (name == "StringData" ? "string" : "slice") + ")");
        }
        if (name == "Sizeof" || name == "Alignof" || name == "Offsetof") {
          return make(provenance::integer, whole);
        }
      }
      if (pkg == "cgo" && name == "NewHandle") {
        verdict v = make(provenance::integer, "cgo.NewHandle");
        v.notable = true;
        return v;
      }
      if (pkg == "C") {
        const std::string at = " at line " + std::to_string(line(n));
        if (name == "CString" || name == "CBytes" || name == "malloc" || name == "calloc" || name == "realloc") {
          return make(provenance::c_memory, "C." + std::string(name) + at);
        }
        if (name == "GoString" || name == "GoStringN") {
          return go_string("Go string from C." + std::string(name));
        }
        if (name == "GoBytes") {
          return make(provenance::go_memory, "Go slice from C.GoBytes");
        }
        const c_type_info ct = c_type(name);
        if (ct.numeric && has_arg) {
          return conversion_to_integer(whole, arg, tok);
        }
        if (ct.is_type) {
          if (!has_arg) {
            return make(provenance::unknown, whole);
          }
          return classify(arg, tok);
        }
        return make(provenance::c_memory, "returned by C." + std::string(name));
      }
      if ((pkg == "fmt" && (name == "Sprintf" || name == "Sprint" || name == "Sprintln")) ||
          (pkg == "strings" && (name == "Join" || name == "Repeat" || name == "ToLower" || name == "ToUpper" ||
                                name == "TrimSpace" || name == "Replace" || name == "ReplaceAll")) ||
          (pkg == "strconv" && (name == "Itoa" || name == "Quote" || name == "FormatInt" || name == "FormatUint"))) {
        return go_string("Go string from " + std::string(pkg) + "." + std::string(name));
      }
      return make(provenance::unknown, "returned by Go call " + std::string(pkg) + "." + std::string(name));
    }
    if (f.kind == node_kind::ident) {
      const std::string_view name = f.text;
      if (name == "new") {
        return make(provenance::go_memory, whole);
      }
      if (name == "make" || name == "append") {
        return make(provenance::go_memory, whole);
      }
      if (name == "len" || name == "cap" || name == "real" || name == "imag" || name == "complex" ||
          name == "min" || name == "max") {
        return make(provenance::integer, whole);
      }
      if (name == "uintptr" && has_arg) {
        verdict inner = classify(arg, tok);
        if (inner.notable) {
          return inner;
        }
        verdict v = make(provenance::integer, "uintptr");
        if (inner.kind != provenance::integer && inner.kind != provenance::nil) {
          v.why = "uintptr of a pointer (" + inner.why + ")";
          v.notable = true;
        }
        return v;
      }
      if (numeric_go_type(name) && has_arg) {
        return conversion_to_integer(whole, arg, tok);
      }
      if (name == "string") {
        return go_string();
      }
      return make(provenance::unknown, "returned by Go call " + std::string(name));
    }
    if (f.kind == node_kind::unary && f.text == "*" && has_arg) {
      return classify(arg, tok); // (*T)(e)
    }
    if (f.kind == node_kind::type) {
      const std::string t = text(fun);
      if (t == "unsafe.Pointer" && has_arg) {
        return classify(arg, tok);
      }
      return make(provenance::go_memory, whole + " (new Go value)");
    }
    return make(provenance::unknown, "returned by " + text(c.kids[0]));
  }

  verdict classify_node(std::uint32_t n, std::uint32_t tok) {
    const go_node &x = node(n);
    switch (x.kind) {
    case node_kind::paren:
      return x.kids.empty() ? verdict{} : classify(x.kids[0], tok);
    case node_kind::literal:
      if (x.lit == token_kind::string || x.lit == token_kind::raw_string) {
        return go_string();
      }
      return make(provenance::integer, "numeric literal");
    case node_kind::ident:
      return identifier(x.text, tok);
    case node_kind::selector: {
      const auto q = qualified(n);
      if (q && q->first == "C") {
        const std::string_view name = q->second;
        const bool caps = std::all_of(name.begin(), name.end(),
                                      [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; });
        if (caps) {
          return make(provenance::integer, "C constant C." + std::string(name));
        }
        if (name.rfind("sizeof_", 0) == 0) {
          return make(provenance::integer, "C." + std::string(name)); // cgo's size constants
        }
        return make(provenance::unknown, "C variable C." + std::string(name));
      }
      verdict held = make(provenance::unknown, text(n) + " (field or package variable)");
      held.held = true;
      return held;
    }
    case node_kind::index:
      return make(provenance::unknown, text(n) + " (element)");
    case node_kind::slice:
      return x.kids.empty() ? verdict{} : classify(x.kids[0], tok);
    case node_kind::call:
      return x.kids.empty() ? verdict{} : call(n, tok);
    case node_kind::unary:
      if (x.kids.empty()) {
        return {};
      }
      if (x.text == "&") {
        return address_of(x.kids[0], n, tok);
      }
      if (x.text == "*") {
        return make(provenance::unknown, text(n) + " (loaded through a pointer)");
      }
      if (x.text == "<-") {
        return make(provenance::unknown, text(n) + " (received from a channel)");
      }
      return make(provenance::integer, text(n));
    case node_kind::binary: {
      if (x.text == "+" && x.kids.size() == 2) {
        const verdict a = classify(x.kids[0], tok);
        const verdict b = classify(x.kids[1], tok);
        if (a.go_string || b.go_string) {
          return go_string();
        }
      }
      return make(provenance::integer, text(n));
    }
    case node_kind::composite:
      return make(provenance::unknown, text(n) + " (composite literal value)");
    default:
      return make(provenance::unknown, text(n));
    }
  }
};

} // namespace detail

/// The Go-side facts of a file: its C calls with argument provenance and
/// its exports. Best effort: never fails, says unknown when unsure.
inline go_facts collect_facts(std::string_view content, const go_file &file, const fact_options &options = {}) {
  lex_result lexed = lex(content);
  std::vector<token> code;
  code.reserve(lexed.tokens.size());
  for (const token &t : lexed.tokens) {
    if (t.kind != token_kind::comment) {
      code.push_back(t);
    }
  }
  detail::go_parser parser(std::move(code), content);
  parser.parse_file();
  detail::fact_classifier classifier(parser, content, file, options);
  return classifier.run();
}

} // namespace cgocheck::cgo

#endif // CGOCHECK_CGO_FACTS_HPP
