// cgo-dropped-field with WithoutGoFacts=false: without Go-side facts,
// nothing is reported (only Go's accesses would be).
// CHECKS: cgo-dropped-field
// OPTION: cgo-dropped-field.WithoutGoFacts=false
// ARGS: -std=c11

struct header {
  unsigned version : 4;
  unsigned ihl : 4;
};
