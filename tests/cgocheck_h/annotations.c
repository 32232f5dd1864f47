/*
 * The pointer annotations of cgocheck.h as clang's AST sees them.
 * check_header.py annotations dumps the AST of this file (-Xclang -ast-dump)
 * and compares the AnnotateAttr strings on every function named
 * cgocheck_ast_* and on each of its parameters with its ANNOTATED table;
 * with CGOCHECK_NO_ANNOTATIONS defined, or __clang__ undefined, there must be
 * none. Valid C11 up to C23, and C++17.
 */
#include "cgocheck/cgocheck.h"

void cgocheck_ast_release(void *p);

#ifdef __cplusplus
extern "C" {
#endif
/* The function annotation before the declaration; parameter annotations
 * after the names; a plain parameter between them and at the end. */
CGOCHECK_CALLED_FROM_GO int cgocheck_ast_after_names(const char *s CGOCHECK_BORROWED, char *t CGOCHECK_TAKES_OWNERSHIP,
                                                     int n, void *ctx CGOCHECK_KEEPS, void *plain);
/* Parameter annotations before the types, the first one right after the
 * opening parenthesis; no function annotation. */
int cgocheck_ast_before_types(CGOCHECK_BORROWED const char *s, CGOCHECK_TAKES_OWNERSHIP char *t, int n,
                              CGOCHECK_KEEPS void *ctx, void *plain);
/* Unnamed parameters: after the type, before the type. */
CGOCHECK_CALLED_FROM_GO void cgocheck_ast_unnamed(const char *CGOCHECK_BORROWED, CGOCHECK_TAKES_OWNERSHIP char *,
                                                  void *CGOCHECK_KEEPS);
#ifdef __cplusplus
}
#endif

static void *cgocheck_ast_kept;

/* A definition without annotations inherits those of its prototype. */
int cgocheck_ast_after_names(const char *s, char *t, int n, void *ctx, void *plain) {
  cgocheck_ast_kept = ctx;
  cgocheck_ast_release(t);
  return s[0] + n + (plain != 0);
}

/* A definition that repeats them has each once. */
int cgocheck_ast_before_types(CGOCHECK_BORROWED const char *s, CGOCHECK_TAKES_OWNERSHIP char *t, int n,
                              CGOCHECK_KEEPS void *ctx, void *plain) {
  return cgocheck_ast_after_names(s, t, n, ctx, plain);
}

/* Static functions, declared once, with the function annotation after and
 * before static. */
static CGOCHECK_CALLED_FROM_GO int cgocheck_ast_static_after(char *t CGOCHECK_TAKES_OWNERSHIP,
                                                             const char *s CGOCHECK_BORROWED) {
  cgocheck_ast_release(t);
  return s[0];
}
CGOCHECK_CALLED_FROM_GO static void cgocheck_ast_static_before(CGOCHECK_KEEPS void *ctx, CGOCHECK_BORROWED char *s) {
  cgocheck_ast_kept = ctx;
  s[0] = 0;
}

/* Only the prototype is annotated, on the function. */
CGOCHECK_CALLED_FROM_GO int cgocheck_ast_use(char *t, char *s, void *ctx);
int cgocheck_ast_use(char *t, char *s, void *ctx) {
  cgocheck_ast_static_before(ctx, s);
  return cgocheck_ast_static_after(t, s);
}
