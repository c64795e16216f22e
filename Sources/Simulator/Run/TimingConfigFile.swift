import Foundation

/// `--config FILE`: reads a timing configuration from disk and rejects what
/// the decoder would let through silently. Codable ignores keys it does not
/// know, so a misspelt field ("inputBuferDepth") would quietly keep its
/// default: every key must name a field of the model.
public enum TimingConfigFile {
    /// The configuration in `path` (defaults for every field it leaves out).
    public static func load(path: String) throws(TimingConfigFileError) -> TimingConfig {
        let bytes: [UInt8]
        do {
            bytes = try HostFile.read(path, limit: 16 << 20)
        } catch {
            throw .unreadable(path: path, reason: error.reason)
        }
        let data = Data(bytes)
        if let document = try? JSONSerialization.jsonObject(with: data), let fields = document as? [String: Any] {
            try checkKnownFields(fields, against: reference, path: "")
        }
        do {
            return try TimingConfig.load(json: data)
        } catch let error as TimingConfigError {
            throw .rejected(error)
        } catch {
            throw .rejected(.malformed(String(describing: error)))
        }
    }

    /// The default configuration as a JSON object, with a bank list so that
    /// the optional `memory.banks` appears too: the set of known keys.
    private static var reference: [String: Any] {
        var config = TimingConfig()
        config.memory.banks = BankRegion.xheepInterleavedDefault
        guard let data = try? config.json(),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        return object
    }

    /// Every key of `fields` must exist in `known`; objects are checked
    /// recursively, arrays of objects element by element against the
    /// reference's first element.
    private static func checkKnownFields(_ fields: [String: Any], against known: [String: Any],
                                         path: String) throws(TimingConfigFileError) {
        for key in fields.keys.sorted() {
            let name = path.isEmpty ? key : "\(path).\(key)"
            guard let expected = known[key] else {
                throw .unknownField(name, known: known.keys.sorted())
            }
            switch (fields[key], expected) {
            case (let inner as [String: Any], let reference as [String: Any]):
                try checkKnownFields(inner, against: reference, path: name)
            case (let items as [Any], let reference as [Any]):
                guard let element = reference.first as? [String: Any] else { continue }
                for (index, item) in items.enumerated() {
                    if let object = item as? [String: Any] {
                        try checkKnownFields(object, against: element, path: "\(name)[\(index)]")
                    }
                }
            case (let number as NSNumber, let reference as NSNumber) where !(fields[key] is Bool):
                // Every number of the model counts cycles, entries or bytes; the
                // decoder's own message for -1 in a UInt64 wrongly says "not valid JSON".
                if number.doubleValue < 0 && reference.doubleValue >= 0 {
                    throw .negativeValue(name, number.stringValue)
                }
            default:
                continue   // other type mismatches are reported by the decoder, with the field's path
            }
        }
    }
}

/// Why `--config FILE` was refused; one line each.
public enum TimingConfigFileError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    /// A key the model does not have (full dotted path), with the keys allowed at that level.
    case unknownField(String, known: [String])
    /// A negative number where the model counts something.
    case negativeValue(String, String)
    /// The model's own decoding or validation refused it.
    case rejected(TimingConfigError)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "cannot read the timing configuration \(path): \(reason)"
        case .unknownField(let field, let known):
            return "timing configuration: unknown field '\(field)' (known here: \(known.joined(separator: ", ")))"
        case .negativeValue(let field, let value):
            return "timing configuration: \(field) must not be negative (got \(value))"
        case .rejected(let error):
            return error.description
        }
    }
}
