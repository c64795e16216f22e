/// Window structs, as Exo emits them: a data pointer plus the strides of
/// each dimension, in elements. The `c` variant points to const data.
///
///     struct exo_win_2i32c { const int32_t * const data; const int_fast32_t strides[2]; };
struct WindowStruct: Hashable, Comparable {
    let elementType: ScalarType
    let rank: Int
    let isConst: Bool

    var name: String { "exo_win_\(rank)\(elementType.rawValue)\(isConst ? "c" : "")" }

    var definition: String {
        let guardName = name.uppercased()
        return """
        #ifndef \(guardName)
        #define \(guardName)
        struct \(name) {
            \(isConst ? "const " : "")\(elementType.cType) * const data;
            const int_fast32_t strides[\(rank)];
        };
        #endif
        """
    }

    static func < (a: WindowStruct, b: WindowStruct) -> Bool { a.name < b.name }
}
