namespace Raad.Domain.Common;

/// <summary>An expected failure: a stable code, a Danish message, and the field it concerns, if any.</summary>
public sealed record Error(string Code, string Message, string? Field = null);

public readonly record struct Result
{
    private Result(IReadOnlyList<Error> errors) => Errors = errors;

    public IReadOnlyList<Error> Errors { get; }
    public bool IsSuccess => Errors is null || Errors.Count == 0;

    public static Result Ok() => new([]);
    public static Result Fail(params Error[] errors) => new(errors);
    public static Result From(IReadOnlyList<Error> errors) => new(errors);

    public static implicit operator Result(Error error) => Fail(error);

    /// <summary>This outcome carrying <paramref name="value"/> when it succeeded, or its errors when it did not.</summary>
    public Result<T> With<T>(T value) => IsSuccess ? value : Result<T>.Fail(Errors);
}

/// <summary>Collects field errors from a form's validation.</summary>
public sealed class Validation
{
    private readonly List<Error> errors = [];

    public IReadOnlyList<Error> Errors => errors;
    public bool IsValid => errors.Count == 0;

    public Validation Require(bool condition, string code, string field, string message)
    {
        if (!condition)
        {
            errors.Add(new Error(code, message, field));
        }
        return this;
    }

    public Result ToResult() => Result.From(errors);
}

/// <summary>A result that carries a value when it succeeds.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, IReadOnlyList<Error> errors) => (Value, Errors) = (value, errors);

    public T? Value { get; }
    public IReadOnlyList<Error> Errors { get; }
    public bool IsSuccess => Errors is null || Errors.Count == 0;

    public static Result<T> Fail(IReadOnlyList<Error> errors) => new(default, errors);

    public static implicit operator Result<T>(T value) => new(value, []);
    public static implicit operator Result<T>(Error error) => new(default, [error]);

    /// <summary>The outcome without the value, for code that only reports errors.</summary>
    public Result ToResult() => Result.From(Errors ?? []);
}
