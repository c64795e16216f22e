// libelf (Debian libelf-dev): ELF parsing for the simulator's loader.
#include <libelf.h>
#include <gelf.h>
