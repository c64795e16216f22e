import Foundation

/// A cycle window [start, end) to record, from `--timeline-window START:END`.
public struct CycleWindow: Sendable, Equatable {
    public var start: UInt64
    public var end: UInt64
    public init(start: UInt64 = 0, end: UInt64 = .max) {
        self.start = start
        self.end = end
    }

    /// Parses "START:END" (either side may be empty: "1000:", ":5000").
    public init(parsing text: String) throws {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw TimelineError.badWindow(text) }
        func number(_ s: Substring, _ fallback: UInt64) throws -> UInt64 {
            if s.isEmpty { return fallback }
            guard let v = UInt64(s) else { throw TimelineError.badWindow(text) }
            return v
        }
        start = try number(parts[0], 0)
        end = try number(parts[1], .max)
        guard start < end else { throw TimelineError.badWindow(text) }
    }
}

public enum TimelineError: Error, Equatable, CustomStringConvertible {
    case badWindow(String)
    public var description: String {
        switch self {
        case .badWindow(let t): return "timeline window '\(t)' is not START:END with START < END (cycles)"
        }
    }
}

/// One span on one track of the timeline.
public struct TimelineEvent: Sendable, Equatable {
    public enum Track: Int, CaseIterable, Sendable {
        case cpu = 1, offloadQueue, systolicArray, lsu, permutationUnit
        public var name: String {
            switch self {
            case .cpu: return "CPU"
            case .offloadQueue: return "offload queue"
            case .systolicArray: return "systolic array"
            case .lsu: return "LSU"
            case .permutationUnit: return "permutation unit"
            }
        }
    }
    public var track: Track
    public var name: String
    public var category: String
    public var start: UInt64
    public var duration: UInt64
}

/// Collects spans inside the window (clipped to it), at most `limit` of them.
/// Only allocated when a timeline is requested; the model checks for nil first.
struct TimelineRecorder: Sendable {
    let window: CycleWindow
    let limit: Int
    private(set) var events: [TimelineEvent] = []
    private(set) var dropped = 0

    init(window: CycleWindow, limit: Int = 2_000_000) {
        self.window = window
        self.limit = limit
    }

    mutating func add(_ track: TimelineEvent.Track, _ name: String, _ category: String, from: UInt64, to: UInt64) {
        let lo = max(from, window.start), hi = min(to, window.end)
        guard hi > lo else { return }
        guard events.count < limit else { dropped += 1; return }
        events.append(TimelineEvent(track: track, name: name, category: category, start: lo, duration: hi - lo))
    }
}

/// Chrome / Perfetto trace-event JSON ("JSON Object Format": traceEvents with
/// complete "X" events and thread_name metadata). One cycle = 1 µs of trace time.
public enum TraceEventWriter {
    public static func json(_ events: [TimelineEvent], processName: String = "cv32e40px + Quadrilatero") -> Data {
        var out = "{\"displayTimeUnit\":\"ns\",\"otherData\":{\"timeUnit\":\"1 us = 1 cycle\"},\"traceEvents\":[\n"
        out += "{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":1,\"tid\":0,\"args\":{\"name\":\(quote(processName))}}"
        for track in TimelineEvent.Track.allCases {
            out += ",\n{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":\(track.rawValue),\"args\":{\"name\":\(quote(track.name))}}"
            out += ",\n{\"name\":\"thread_sort_index\",\"ph\":\"M\",\"pid\":1,\"tid\":\(track.rawValue),\"args\":{\"sort_index\":\(track.rawValue)}}"
        }
        for e in events {
            out += ",\n{\"name\":\(quote(e.name)),\"cat\":\(quote(e.category)),\"ph\":\"X\",\"pid\":1,\"tid\":\(e.track.rawValue),"
            out += "\"ts\":\(e.start),\"dur\":\(e.duration)}"
        }
        out += "\n]}\n"
        return Data(out.utf8)
    }

    /// A JSON string literal.
    static func quote(_ s: String) -> String {
        var r = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": r += "\\\""
            case "\\": r += "\\\\"
            case "\n": r += "\\n"
            case "\r": r += "\\r"
            case "\t": r += "\\t"
            default:
                if u.value < 0x20 { r += String(format: "\\u%04x", u.value) } else { r.unicodeScalars.append(u) }
            }
        }
        return r + "\""
    }
}
