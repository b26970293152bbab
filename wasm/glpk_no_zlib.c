/* GLPK for wasm without zlib. Debian's GLPK source links the system zlib instead of the copy
   GLPK bundles, so the wasm GLPK (scripts/build-glpk-wasm.sh) has none, yet glp_open refers to
   it. GLPK calls these only for a file name ending in ".gz", which rbcmatch never gives it
   (src/numeric/lp_analysis.cpp names its temporary files rbcmatch-lp-XXXXXX): they fail
   cleanly rather than leave the link unresolved. Signatures as in GLPK's src/zlib/zlib.h. */
#include <stddef.h>

typedef struct gzFile_s *gzFile;

gzFile _glp_zlib_gzopen(const char *path, const char *mode) {
  (void)path, (void)mode;
  return NULL;
}
int _glp_zlib_gzclose(gzFile file) {
  (void)file;
  return -2; /* Z_STREAM_ERROR */
}
const char *_glp_zlib_gzerror(gzFile file, int *errnum) {
  (void)file;
  if (errnum) *errnum = -2;
  return "compressed (.gz) files are not supported";
}
int _glp_zlib_gzread(gzFile file, void *buf, unsigned len) {
  (void)file, (void)buf, (void)len;
  return -1;
}
int _glp_zlib_gzwrite(gzFile file, const void *buf, unsigned len) {
  (void)file, (void)buf, (void)len;
  return 0;
}
