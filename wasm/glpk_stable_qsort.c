/* qsort for the wasm GLPK: a stable merge sort, as glibc's qsort is for arrays that fit in
   memory. GLPK sorts with qsort where ties are common: the break points of the simplex
   method's long-step ratio test (simplex/spxchuzr.c, spychuzc.c), the cut pool, cover and
   clique lists. Emscripten's libc (musl) sorts by smoothsort, which orders ties otherwise, so
   on a degenerate model the simplex method took other steps than Debian's glpsol and ended
   in another optimum (GLPK's color.mod). A stable sort's result is the same whichever stable
   algorithm computes it. scripts/build-glpk-wasm.sh compiles GLPK with -Dqsort=rbcmatch_glpk_qsort
   and adds this file to the library. */
#include <stdlib.h>
#include <string.h>

typedef int (*compare_fn)(const void *, const void *);

/* Sorts a[0..n) with tmp (n elements) as scratch; a left element goes first on a tie. */
static void merge_sort(char *a, char *tmp, size_t n, size_t width, compare_fn compare) {
  if (n < 2) return;
  const size_t half = n / 2;
  merge_sort(a, tmp, half, width, compare);
  merge_sort(a + half * width, tmp, n - half, width, compare);
  char *left = a, *left_end = a + half * width, *right = left_end, *right_end = a + n * width, *out = tmp;
  while (left < left_end && right < right_end) {
    if (compare(left, right) <= 0) memcpy(out, left, width), left += width;
    else memcpy(out, right, width), right += width;
    out += width;
  }
  memcpy(out, left, (size_t)(left_end - left));
  out += left_end - left;
  memcpy(out, right, (size_t)(right_end - right));
  memcpy(a, tmp, n * width);
}

void rbcmatch_glpk_qsort(void *base, size_t n, size_t width, compare_fn compare) {
  if (n < 2 || width == 0) return;
  char *tmp = malloc(n * width);
  if (tmp) {
    merge_sort(base, tmp, n, width, compare);
    free(tmp);
    return;
  }
  /* No memory for the scratch array: insertion sort, stable too, one element of scratch. */
  char *a = base, item[256];
  for (size_t i = 1; i < n; ++i)
    for (size_t j = i; j > 0 && compare(a + (j - 1) * width, a + j * width) > 0; --j) {
      char *p = a + (j - 1) * width, *q = a + j * width;
      for (size_t done = 0; done < width; done += sizeof item) {
        const size_t k = width - done < sizeof item ? width - done : sizeof item;
        memcpy(item, p + done, k), memcpy(p + done, q + done, k), memcpy(q + done, item, k);
      }
    }
}
