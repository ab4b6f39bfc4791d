using System.Security.Cryptography;
using System.Text;

namespace Raad.Domain.Accounts;

/// <summary>The hash an authenticator app computes its codes with (RFC 6238: HMAC-SHA-1, -256 or -512).</summary>
public enum TotpAlgorithm
{
    Sha1,
    Sha256,
    Sha512,
}

/// <summary>
/// Time-based one-time passwords (RFC 6238): the code an authenticator app shows for a shared secret at a moment. Raad's
/// second factor uses SHA-1, 6 digits and 30-second steps, which every authenticator app understands.
/// </summary>
public static class Totp
{
    public const int StepSeconds = 30;
    public const int Digits = 6;

    /// <summary>Steps either side of now that are still accepted: a phone's clock a little off, a code typed as it changed.</summary>
    public const int AllowedDrift = 1;

    /// <summary>The number of the 30-second step the instant falls in (T in RFC 6238, counted from the Unix epoch).</summary>
    public static long StepAt(DateTimeOffset instant) => Math.DivRem(instant.ToUnixTimeSeconds(), StepSeconds, out var rest) - (rest < 0 ? 1 : 0);

    /// <summary>The code for a step (RFC 4226's HOTP with the step as counter), as a string of <paramref name="digits"/> digits.</summary>
    public static string Code(ReadOnlySpan<byte> key, long step, int digits = Digits, TotpAlgorithm algorithm = TotpAlgorithm.Sha1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, 6);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, 9);
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[64];
        var length = algorithm switch
        {
            TotpAlgorithm.Sha1 => HMACSHA1.HashData(key, counter, hash),
            TotpAlgorithm.Sha256 => HMACSHA256.HashData(key, counter, hash),
            TotpAlgorithm.Sha512 => HMACSHA512.HashData(key, counter, hash),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
        };
        // Dynamic truncation (RFC 4226, 5.3): four bytes from the offset the last nibble names, without the sign bit.
        var offset = hash[length - 1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        var modulus = (int)Math.Pow(10, digits);
        return (binary % modulus).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    /// <summary>
    /// The step whose code the typed code is, within <see cref="AllowedDrift"/> steps of now, or null. Spaces and dashes
    /// (as some apps show "123 456") are ignored; the comparison takes the same time whatever the code.
    /// </summary>
    public static long? MatchingStep(ReadOnlySpan<byte> key, string? typed, DateTimeOffset now)
    {
        var code = Normalise(typed);
        if (code.Length != Digits || !code.All(char.IsAsciiDigit))
        {
            return null;
        }
        var current = StepAt(now);
        long? match = null;
        for (var step = current - AllowedDrift; step <= current + AllowedDrift; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(key, step)), Encoding.ASCII.GetBytes(code)))
            {
                match ??= step;
            }
        }
        return match;
    }

    /// <summary>
    /// The otpauth:// address an authenticator app reads (Google's Key Uri Format): the label "Issuer:account" and the
    /// secret in Base32, with the algorithm, digits and period spelled out.
    /// </summary>
    public static string Uri(string issuer, string account, string base32Secret)
    {
        var label = System.Uri.EscapeDataString(issuer) + ":" + System.Uri.EscapeDataString(account);
        return $"otpauth://totp/{label}?secret={base32Secret}&issuer={System.Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits={Digits}&period={StepSeconds}";
    }

    private static string Normalise(string? typed) =>
        new((typed ?? "").Where(c => c is not (' ' or '-' or '\u00A0')).ToArray());
}

/// <summary>Base32 (RFC 4648, upper case, no padding): how authenticator secrets are written and typed.</summary>
public static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder((bytes.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0)
        {
            text.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }
        return text.ToString();
    }

    /// <summary>The bytes of a Base32 text; spaces, dashes and padding are ignored, lower case is read as upper. Null if not Base32.</summary>
    public static byte[]? Decode(string? text)
    {
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text ?? "")
        {
            if (c is ' ' or '-' or '=')
            {
                continue;
            }
            var value = Alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
            buffer &= (1 << bits) - 1;
        }
        return [.. bytes];
    }

    /// <summary>The secret in groups of four, easier to read aloud and to type into an app.</summary>
    public static string Grouped(string base32) =>
        string.Join(' ', Enumerable.Range(0, (base32.Length + 3) / 4).Select(i => base32.Substring(i * 4, Math.Min(4, base32.Length - (i * 4)))));
}
