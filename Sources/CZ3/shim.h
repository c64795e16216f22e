// z3's C API (Debian libz3-dev): the solver behind bounds and soundness checks.
#include <z3.h>
