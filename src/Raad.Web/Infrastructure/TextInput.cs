namespace Raad.Web.Infrastructure;

/// <summary>What a form's optional text field is worth storing: trimmed, with Unix line ends, or null when blank.</summary>
public static class TextInput
{
    public static string? OrNull(this string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Replace("\r\n", "\n").Trim();
}
