/// Identifiers the generated C must not define: what the headers it
/// includes (<stdint.h>, <stdbool.h>, <stdlib.h>) declare on the host (glibc)
/// and the target (picolibc), found with `gcc -E -dM` and the declarations
/// of `gcc -E`; C and C++ keywords (the header is includable from C++);
/// and the names the generated code itself uses. Plus C's reserved
/// identifiers (`__x`, `_X`), which a libc may define at will.
enum CReservedNames {
    /// Object- and function-like macros: a variable with one of these names
    /// would be rewritten by the preprocessor (`linux` is `1` under GNU C).
    static let libraryMacros: Set<String> = [
        "ATEXIT_MAX", "ATOMIC_UNGETC", "BIG_ENDIAN", "BYTE_ORDER", "DBL_DECIMAL_DIG", "DBL_DIG", "DBL_EPSILON",
        "DBL_HAS_SUBNORM", "DBL_MANT_DIG", "DBL_MAX", "DBL_MAX_10_EXP", "DBL_MAX_EXP", "DBL_MIN", "DBL_MIN_10_EXP",
        "DBL_MIN_EXP", "DBL_TRUE_MIN", "DECIMAL_DIG", "EXIT_FAILURE", "EXIT_SUCCESS", "FALLTHROUGH", "FAST_STRCMP",
        "FD_CLR", "FD_ISSET", "FD_SET", "FD_SETSIZE", "FD_ZERO", "FLT_DECIMAL_DIG", "FLT_DIG", "FLT_EPSILON",
        "FLT_EVAL_METHOD", "FLT_HAS_SUBNORM", "FLT_MANT_DIG", "FLT_MAX", "FLT_MAX_10_EXP", "FLT_MAX_EXP", "FLT_MIN",
        "FLT_MIN_10_EXP", "FLT_MIN_EXP", "FLT_RADIX", "FLT_ROUNDS", "FLT_TRUE_MIN", "INT16_C", "INT16_MAX",
        "INT16_MIN", "INT32_C", "INT32_MAX", "INT32_MIN", "INT64_C", "INT64_MAX", "INT64_MIN", "INT8_C", "INT8_MAX",
        "INT8_MIN", "INTMAX_C", "INTMAX_MAX", "INTMAX_MIN", "INTPTR_MAX", "INTPTR_MIN", "INT_FAST16_MAX",
        "INT_FAST16_MIN", "INT_FAST32_MAX", "INT_FAST32_MIN", "INT_FAST64_MAX", "INT_FAST64_MIN", "INT_FAST8_MAX",
        "INT_FAST8_MIN", "INT_LEAST16_MAX", "INT_LEAST16_MIN", "INT_LEAST32_MAX", "INT_LEAST32_MIN",
        "INT_LEAST64_MAX", "INT_LEAST64_MIN", "INT_LEAST8_MAX", "INT_LEAST8_MIN", "LDBL_DECIMAL_DIG", "LDBL_DIG",
        "LDBL_EPSILON", "LDBL_HAS_SUBNORM", "LDBL_MANT_DIG", "LDBL_MAX", "LDBL_MAX_10_EXP", "LDBL_MAX_EXP",
        "LDBL_MIN", "LDBL_MIN_10_EXP", "LDBL_MIN_EXP", "LDBL_TRUE_MIN", "LITTLE_ENDIAN", "MB_CUR_MAX",
        "NEWLIB_THREAD_LOCAL", "NEWLIB_TLS", "NFDBITS", "NULL", "PDP_ENDIAN", "PICOLIBC_TLS", "POSIX_IO",
        "PREFER_SIZE_OVER_SPEED", "PTRDIFF_MAX", "PTRDIFF_MIN", "RAND_MAX", "SIG_ATOMIC_MAX", "SIG_ATOMIC_MIN",
        "SIZE_MAX", "TINY_STDIO", "UINT16_C", "UINT16_MAX", "UINT32_C", "UINT32_MAX", "UINT64_C", "UINT64_MAX",
        "UINT8_C", "UINT8_MAX", "UINTMAX_C", "UINTMAX_MAX", "UINTPTR_MAX", "UINT_FAST16_MAX", "UINT_FAST32_MAX",
        "UINT_FAST64_MAX", "UINT_FAST8_MAX", "UINT_LEAST16_MAX", "UINT_LEAST32_MAX", "UINT_LEAST64_MAX",
        "UINT_LEAST8_MAX", "WCHAR_MAX", "WCHAR_MIN", "WCONTINUED", "WEXITED", "WEXITSTATUS", "WIFCONTINUED",
        "WIFEXITED", "WIFSIGNALED", "WIFSTOPPED", "WINT_MAX", "WINT_MIN", "WNOHANG", "WNOWAIT", "WSTOPPED",
        "WSTOPSIG", "WTERMSIG", "WUNTRACED", "alloca", "be16toh", "be32toh", "be64toh", "bool", "false", "htobe16",
        "htobe32", "htobe64", "htole16", "htole32", "htole64", "le16toh", "le32toh", "le64toh", "linux", "offsetof",
        "strtodf", "true", "unix",
    ]

    /// Functions and types declared at file scope: a proc (a C function)
    /// may not take one of these names.
    static let libraryDeclarations: Set<String> = [
        "a64l", "abort", "abs", "aligned_alloc", "alloca", "arc4random", "arc4random_buf", "arc4random_uniform",
        "at_quick_exit", "atexit", "atof", "atoff", "atoi", "atol", "atoll", "blkcnt_t", "blksize_t", "bsearch",
        "caddr_t", "calloc", "cfree", "clearenv", "clock_t", "clockid_t", "daddr_t", "dev_t", "div", "div_t",
        "drand48", "drand48_r", "ecvt", "ecvt_r", "erand48", "erand48_r", "exit", "fcvt", "fcvt_r", "fd_mask",
        "fd_set", "free", "fsblkcnt_t", "fsfilcnt_t", "fsid_t", "gcvt", "getenv", "getloadavg", "getsubopt", "gid_t",
        "id_t", "initstate", "initstate_r", "ino_t", "int16_t", "int32_t", "int64_t", "int8_t", "int_fast16_t",
        "int_fast32_t", "int_fast64_t", "int_fast8_t", "int_least16_t", "int_least32_t", "int_least64_t",
        "int_least8_t", "intmax_t", "intptr_t", "itoa", "jrand48", "jrand48_r", "key_t", "l64a", "labs", "lcong48",
        "lcong48_r", "ldiv", "ldiv_t", "llabs", "lldiv", "lldiv_t", "loff_t", "lrand48", "lrand48_r", "malloc",
        "max_align_t", "mblen", "mbstowcs", "mbtowc", "mkdtemp", "mkstemp", "mkstemps", "mktemp", "mode_t",
        "mrand48", "mrand48_r", "nlink_t", "nrand48", "nrand48_r", "off_t", "on_exit", "pid_t", "posix_memalign",
        "pselect", "pthread_attr_t", "pthread_barrier_t", "pthread_barrierattr_t", "pthread_cond_t",
        "pthread_condattr_t", "pthread_key_t", "pthread_mutex_t", "pthread_mutexattr_t", "pthread_once_t",
        "pthread_rwlock_t", "pthread_rwlockattr_t", "pthread_spinlock_t", "pthread_t", "ptrdiff_t", "putenv",
        "qecvt", "qecvt_r", "qfcvt", "qfcvt_r", "qgcvt", "qsort", "qsort_r", "quad_t", "quick_exit", "rand",
        "rand_r", "random", "random_r", "realloc", "reallocarray", "reallocf", "realpath", "register_t", "rpmatch",
        "seed48", "seed48_r", "select", "setenv", "setstate", "setstate_r", "sigset_t", "size_t", "srand", "srand48",
        "srand48_r", "srandom", "srandom_r", "ssize_t", "strfromd", "strfromf", "strfroml", "strtod", "strtof",
        "strtol", "strtold", "strtoll", "strtoq", "strtoul", "strtoull", "strtouq", "suboptarg", "suseconds_t",
        "system", "time_t", "timer_t", "u_char", "u_int", "u_int16_t", "u_int32_t", "u_int64_t", "u_int8_t",
        "u_long", "u_quad_t", "u_short", "uid_t", "uint", "uint16_t", "uint32_t", "uint64_t", "uint8_t",
        "uint_fast16_t", "uint_fast32_t", "uint_fast64_t", "uint_fast8_t", "uint_least16_t", "uint_least32_t",
        "uint_least64_t", "uint_least8_t", "uintmax_t", "uintptr_t", "ulong", "unsetenv", "ushort", "utoa", "valloc",
        "wchar_t", "wcstombs", "wctomb",
    ]

    static let keywords: Set<String> = [
        // C17 and GNU C
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum",
        "extern", "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return",
        "short", "signed", "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void",
        "volatile", "while", "asm", "typeof",
        // C23
        "alignas", "alignof", "bool", "constexpr", "false", "nullptr", "static_assert", "thread_local", "true",
        "typeof_unqual",
        // C++
        "and", "and_eq", "bitand", "bitor", "catch", "char8_t", "char16_t", "char32_t", "class", "compl", "concept",
        "consteval", "constinit", "const_cast", "co_await", "co_return", "co_yield", "decltype", "delete",
        "dynamic_cast", "explicit", "export", "friend", "mutable", "namespace", "new", "noexcept", "not", "not_eq",
        "operator", "or", "or_eq", "private", "protected", "public", "reinterpret_cast", "requires", "static_cast",
        "template", "this", "throw", "try", "typeid", "typename", "using", "virtual", "wchar_t", "xor", "xor_eq",
    ]

    /// What the generated code names itself, and `main`.
    static let generated: Set<String> = ["main", "exo_floor_div", "exo_floor_mod", "malloc", "free", "NULL"]

    /// Reserved by the C standard for the implementation: `__x` and `_X`.
    static func isImplementationReserved(_ name: String) -> Bool {
        let u = Array(name.utf8)
        guard u.count >= 2, u[0] == UInt8(ascii: "_") else { return false }
        return u[1] == UInt8(ascii: "_") || (u[1] >= UInt8(ascii: "A") && u[1] <= UInt8(ascii: "Z"))
    }

    /// Names no C identifier of a kernel may take (variables are renamed).
    static let forVariables: Set<String> = libraryMacros.union(keywords).union(generated)
        .union(libraryDeclarations.filter { $0.hasSuffix("_t") })
    /// Names no proc may take (procs are not renamed: the error says why).
    static let forProcs: Set<String> = libraryMacros.union(keywords).union(generated).union(libraryDeclarations)
}
