/* Includes every stand-in header of share/darwin-libc (check_darwin_libc.py
 * adds them above this file's code) and uses what cgo preambles commonly
 * use. Must parse for Apple targets with -Wall -Werror. */
struct cgocheck_test_item {
  int key;
  char name[16];
};

static pthread_mutex_t cgocheck_test_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t cgocheck_test_once = PTHREAD_ONCE_INIT;

static void cgocheck_test_init(void) {}

static int cgocheck_test_compare(const void *a, const void *b) {
  const struct cgocheck_test_item *x = (const struct cgocheck_test_item *)a;
  const struct cgocheck_test_item *y = (const struct cgocheck_test_item *)b;
  return (x->key > y->key) - (x->key < y->key);
}

static void *cgocheck_test_thread(void *arg) { return arg; }

int cgocheck_test_all(const char *path, int64_t n);
int cgocheck_test_all(const char *path, int64_t n) {
  struct cgocheck_test_item *items = (struct cgocheck_test_item *)calloc(4, sizeof *items);
  char *copy;
  FILE *f;
  pthread_t thread;
  void *result = NULL;
  struct timespec ts;
  struct tm tm;
  time_t now = time(NULL);
  void *lib;
  size_t len;
  int fd;

  if (items == NULL) {
    fprintf(stderr, "calloc: %s\n", strerror(errno));
    return -1;
  }
  pthread_once(&cgocheck_test_once, cgocheck_test_init);
  pthread_mutex_lock(&cgocheck_test_lock);
  items[0].key = atoi(getenv("CGOCHECK_TEST") ? getenv("CGOCHECK_TEST") : "1");
  items[1].key = (int)strtol("42", NULL, 10);
  memset(items[2].name, 0, sizeof items[2].name);
  strncpy(items[3].name, path, sizeof items[3].name - 1);
  qsort(items, 4, sizeof *items, cgocheck_test_compare);
  pthread_mutex_unlock(&cgocheck_test_lock);

  copy = strdup(path);
  len = strlen(copy);
  if (strcasecmp(copy, "x") == 0 || isalpha((unsigned char)copy[0])) {
    printf("%zu %" PRId64 " %d\n", len, n, abs(-3));
  }
  free(copy);

  f = fopen(path, "rb");
  if (f != NULL) {
    char buf[64];
    size_t got = fread(buf, 1, sizeof buf, f);
    snprintf(buf, sizeof buf, "%zu", got);
    fputs(buf, stdout);
    fclose(f);
  }
  fd = open(path, O_RDONLY);
  if (fd >= 0) {
    ssize_t r = read(fd, &tm, sizeof tm);
    (void)r;
    close(fd);
  }
  if (pthread_create(&thread, NULL, cgocheck_test_thread, items) == 0) {
    pthread_join(thread, &result);
  }
  clock_gettime(CLOCK_MONOTONIC, &ts);
  gmtime_r(&now, &tm);
  lib = dlopen(NULL, RTLD_NOW);
  if (lib != NULL && dlsym(lib, "malloc") == NULL) {
    perror(dlerror());
  }
  signal(SIGPIPE, SIG_IGN);
  assert(sqrt(4.0) == 2.0 && !isnan(fabs(-1.0)));
  free(items);
  if (errno == EINVAL) {
    abort();
  }
  return (int)(ts.tv_nsec % 2) + (int)sizeof(off_t) + (result == NULL);
}
