// cgo-char-signedness with the default Targets (darwin/arm64 and linux/amd64
// signed, linux/arm64 unsigned), whatever the triple the file is parsed for.
// CHECKS: cgo-char-signedness
// ARGS: -std=c11
// VARIANT: --target=x86_64-linux-gnu
// VARIANT: --target=aarch64-linux-gnu -nostdlibinc
// VARIANT: --target=arm64-apple-macos11 -nostdlibinc

#include <stddef.h>
#include <stdint.h>

#define EOF_MARK (-1)

int bad_compare_high(const char *s) {
  return s[0] == 0xff;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: comparison of plain char with 255 depends on the signedness of char, which is signed on darwin/arm64 and linux/amd64 and unsigned on linux/arm64; use signed char, unsigned char or uint8_t [cgo-char-signedness]
}

static int bad_compare_negative(char c) {
  return c == EOF_MARK;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: comparison of plain char with -1 depends on the signedness of char
}

int bad_sign_test(const char *p) {
  return *p < 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: comparison of plain char with 0 depends on the signedness
}

int bad_sign_test_mirrored(const char *p) {
  return 0 <= *p;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: comparison of plain char with 0 depends on the signedness
}

int good_compare_ascii(const char *s) {
  // Character literals and constants in 0..127 mean the same everywhere.
  return s[0] == 'a' || s[0] == '\xff' || s[0] == 0x7f || s[0] != 0 || s[0] < 32;
}

int good_compare_explicit(const char *s) {
  return (unsigned char)s[0] == 0xff || (signed char)s[1] < 0;
}

long bad_widen(const char *s) {
  int first = s[0];
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: conversion of plain char to 'int' sign-extends on darwin/arm64 and linux/amd64 and zero-extends on linux/arm64; convert through unsigned char or signed char to say which is meant [cgo-char-signedness]
  long second;
  second = s[1];
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: conversion of plain char to 'long' sign-extends
  return first + second + (uint32_t)s[2];
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: conversion of plain char to 'uint32_t' (aka 'unsigned int') sign-extends
}

int good_widen(const char *s) {
  int a = (unsigned char)s[0];
  int b = (signed char)s[1];
  char same = s[2];
  return a + b + same;
}

int bad_subscript(const char *s, const int *table) {
  return table[s[0]];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: plain char used as an array index is negative for bytes 0x80-0xff on darwin/arm64 and linux/amd64 but not on linux/arm64; index with (unsigned char) [cgo-char-signedness]
}

int good_subscript(const char *s, const int *table) {
  return table[(unsigned char)s[0]];
}

static int bad_shift(char c) {
  return c >> 4;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: shift of a plain char gives different results on darwin/arm64 and linux/amd64 (signed) and linux/arm64 (unsigned); use unsigned char or uint8_t [cgo-char-signedness]
}

int good_shift(unsigned char c) { return c >> 4; }
