/// Integer division and remainder as the kernel language (Exo, i.e. Python)
/// defines them on index expressions: the quotient is rounded toward negative
/// infinity and the remainder takes the sign of the divisor.
///
///     7 / 2 == 3     -7 / 2 == -4     7 / -2 == -4     -7 / -2 == 3
///     7 % 2 == 1     -7 % 2 == 1      7 % -2 == -1     -7 % -2 == -1
///
/// Swift's `/` and `%` truncate toward zero; z3's `div`/`mod` are Euclidean
/// (remainder never negative). All three agree only for a positive divisor
/// and a non-negative dividend, so nothing may mix them up.
public enum FloorArithmetic {
    /// `a / b` rounded toward negative infinity; nil when b is 0 or the
    /// result overflows (`Int.min / -1`).
    public static func divide(_ a: Int, _ b: Int) -> Int? {
        guard b != 0 else { return nil }
        let (q, overflow) = a.dividedReportingOverflow(by: b)
        if overflow { return nil }
        // Truncation rounded toward zero; step down when the exact quotient was negative and inexact.
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// `a % b` with the sign of b (so `a == b * divide(a, b) + modulo(a, b)`); nil when b is 0.
    public static func modulo(_ a: Int, _ b: Int) -> Int? {
        guard b != 0 else { return nil }
        let (r, overflow) = a.remainderReportingOverflow(dividingBy: b)
        if overflow { return 0 }   // Int.min % -1: the exact remainder is 0
        return (r != 0 && (r < 0) != (b < 0)) ? r + b : r
    }
}
