namespace Matchmaking.Application.Common.Exceptions;

/// <summary>The resource does not exist, or the caller may not know it exists.</summary>
public sealed class NotFoundException(string resource, object id)
    : Exception($"{resource} '{id}' was not found.");

/// <summary>The request conflicts with the current state (duplicate key, illegal state transition).</summary>
public sealed class ConflictException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}

/// <summary>The caller's If-Match does not name the current version.</summary>
public sealed class PreconditionFailedException(string message) : Exception(message);

/// <summary>The caller is known but may not do this.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>Input failed validation; keys are camelCase field paths as the client sent them.</summary>
public sealed class ValidationException(IDictionary<string, string[]> errors)
    : Exception("One or more validation errors occurred.")
{
    public ValidationException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    public IDictionary<string, string[]> Errors { get; } = errors;
}
