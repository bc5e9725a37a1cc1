namespace Matchmaking.Domain.Access;

/// <summary>Who (key) changed what (entity, id, action) when. Written in the same transaction as the change.</summary>
public sealed class AuditEntry(Guid id, Guid? keyId, string? role, string entity, Guid entityId, string action, DateTimeOffset at)
{
    public Guid Id { get; private set; } = id;
    public Guid? KeyId { get; private set; } = keyId;
    public string? Role { get; private set; } = role;
    public string Entity { get; private set; } = entity;
    public Guid EntityId { get; private set; } = entityId;
    public string Action { get; private set; } = action;
    public DateTimeOffset At { get; private set; } = at;
}
