import Foundation

/// The parameter names of a function as the generated header declares it
/// (`void conv1d_rvm_4acc(const int32_t* data, const int32_t* kernels, int32_t* out);`),
/// so the harness calls the function the code generator actually wrote,
/// whatever its parameter list turned out to be.
public enum GeneratedSignature {
    public static func parameterNames(of function: String, inHeader header: String) throws(BenchError) -> [String] {
        guard let start = header.range(of: "void \(function)(") else {
            throw .signatureNotFound(function: function, detail: "no `void \(function)(` in the generated header")
        }
        guard let end = header[start.upperBound...].firstIndex(of: ")") else {
            throw .signatureNotFound(function: function, detail: "unterminated parameter list")
        }
        let list = header[start.upperBound..<end].trimmingCharacters(in: .whitespacesAndNewlines)
        if list.isEmpty || list == "void" { return [] }
        var names: [String] = []
        for parameter in list.split(separator: ",") {
            let identifier = parameter.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            guard !identifier.isEmpty else {
                throw .signatureNotFound(function: function, detail: "cannot read a parameter name in `\(parameter)`")
            }
            names.append(String(identifier.reversed()))
        }
        return names
    }
}
