import ArgumentParser
import Foundation
import Schedule

/// What the kernel subcommands (compile, check, bench-compile) share: reading
/// the kernel file and reporting diagnostics the way compilers do,
/// `file:line:col: phase error: message` on stderr, no stack trace, exit 1.
enum KernelCommand {
    /// A failure outside the kernel language (a file that cannot be read or written).
    struct FileFailure: Error, CustomStringConvertible {
        var description: String
    }

    static func readSource(_ path: String) throws(FileFailure) -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw FileFailure(description: "\(path): error: is a directory, not a kernel file")
        }
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw FileFailure(description: "\(path): error: cannot read the kernel file (\(reason(error)))")
        }
    }

    static func write(_ text: String, to path: String) throws(FileFailure) {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw FileFailure(description: "\(path): error: cannot write (\(reason(error)))")
        }
    }

    /// Runs a subcommand's work; kernel and file errors are printed and end the
    /// process with status 1 instead of propagating to ArgumentParser (whose
    /// "Error: ..." format is not a compiler's).
    static func run(_ work: () throws -> Void) throws {
        do {
            try work()
        } catch let e as KernelError {
            printError(e.description)
            throw ExitCode.failure
        } catch let e as KernelDiagnostics {
            for d in e.errors { printError(d.description) }
            throw ExitCode.failure
        } catch let e as FileFailure {
            printError(e.description)
            throw ExitCode.failure
        }
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// errno's words when Foundation wraps a POSIX error ("No such file or directory").
    private static func reason(_ error: any Error) -> String {
        let e = error as NSError
        if let underlying = e.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if e.domain == NSCocoaErrorDomain, e.code == NSFileReadNoSuchFileError || e.code == NSFileNoSuchFileError {
            return String(cString: strerror(ENOENT))
        }
        return e.localizedDescription
    }
}
