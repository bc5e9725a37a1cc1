namespace Matchmaking.Domain.Common;

/// <summary>
/// An aggregate whose saved changes are counted: <see cref="Version"/> (the ETag and the optimistic
/// concurrency token) goes up by one per save that changes the aggregate or anything it owns, and
/// <c>UpdatedAt</c>, where the aggregate has one, takes the time of that save. Persistence maintains both;
/// the aggregate never touches them.
/// </summary>
public interface IVersioned
{
    int Version { get; }
}
