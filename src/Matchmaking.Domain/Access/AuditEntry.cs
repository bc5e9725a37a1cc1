namespace Matchmaking.Domain.Access;

/// <summary>
/// Who (key) changed what (entity, id, action) when. Written in the same transaction as the change. A bulk
/// import writes one entry per batch (its id as the entity id) listing the suppliers it stored in
/// <see cref="RelatedIds"/>.
/// </summary>
public sealed class AuditEntry(Guid id, Guid? keyId, string? role, string entity, Guid entityId, string action, DateTimeOffset at)
{
    /// <summary>The records one entry covers besides <see cref="EntityId"/> (an import batch's suppliers).</summary>
    public IReadOnlyList<Guid> RelatedIds { get; private set; } = [];

    public Guid Id { get; private set; } = id;
    public Guid? KeyId { get; private set; } = keyId;
    public string? Role { get; private set; } = role;
    public string Entity { get; private set; } = entity;
    public Guid EntityId { get; private set; } = entityId;
    public string Action { get; private set; } = action;
    public DateTimeOffset At { get; private set; } = at;
}
