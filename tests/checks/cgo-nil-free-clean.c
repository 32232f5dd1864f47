// cgo-nil-free on idiomatic C that frees correctly: no expectations, so the
// check must print nothing at all.
// CHECKS: cgo-nil-free

typedef __SIZE_TYPE__ size_t;
void free(void *);
void *malloc(size_t);
void *realloc(void *, size_t);

struct buffer {
  char *data;
  size_t len;
};

void buffer_reset(struct buffer *b) {
  free(b->data);
  b->data = 0;
  b->len = 0;
}

int buffer_grow(struct buffer *b, size_t n) {
  char *grown = realloc(b->data, n);
  if (!grown)
    return -1;
  b->data = grown;
  return 0;
}

void free_list(char **items, size_t n) {
  for (size_t i = 0; i < n; i++) {
    char *item = items[i];
    if (item == 0)
      continue;
    free(item);
  }
  free(items);
}

int two_step(void) {
  char *a = 0, *b = 0;
  int rc = -1;
  if (!(a = malloc(4)))
    goto done;
  if (!(b = malloc(4)))
    goto done;
  rc = 0;
done:
  free(a);
  free(b);
  return rc;
}

void maybe(int c) {
  void *p = c ? malloc(1) : 0;
  free(p);
}
