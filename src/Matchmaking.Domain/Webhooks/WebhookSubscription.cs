using System.Security.Cryptography;
using Matchmaking.Domain.Access;
using Matchmaking.Domain.Common;
using Matchmaking.Domain.Events;

namespace Matchmaking.Domain.Webhooks;

/// <summary>
/// A receiver's URL and the event types it wants. It receives what its owner may see (admin all, a buyer
/// its own needs, matches and partnerships, a supplier what is addressed to it). Signed with a secret shown
/// once; a rotated secret keeps signing beside the new one for an overlap period. A subscription whose
/// deliveries keep failing disables itself.
/// </summary>
public sealed class WebhookSubscription
{
    public const string SecretPrefix = "whsec_";
    public const int MaxUrlLength = 2000;
    public const int MaxDescriptionLength = 500;

    private WebhookSubscription()
    {
        Url = Secret = string.Empty;
        Events = [];
    }

    public WebhookSubscription(Guid id, Role ownerRole, Guid? organizationId, Guid? keyId, Uri url, IEnumerable<string> events, string? description, DateTimeOffset now)
    {
        var types = events.Distinct(StringComparer.Ordinal).ToArray();
        if (types.Length == 0)
        {
            throw new DomainRuleException("events", "Name at least one event type.");
        }

        if (types.FirstOrDefault(t => !EventTypes.IsKnown(t)) is { } unknown)
        {
            throw new DomainRuleException("events", $"'{unknown}' is not an event type.");
        }

        if (ownerRole is Role.Buyer or Role.Supplier or Role.Financier && organizationId is null)
        {
            throw new DomainRuleException("organizationId", "A buyer or supplier subscription belongs to an organisation.");
        }

        Id = id;
        OwnerRole = ownerRole;
        OrganizationId = organizationId;
        KeyId = keyId;
        Url = url.AbsoluteUri;
        Events = types;
        Description = description;
        Active = true;
        Secret = NewSecret();
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Role OwnerRole { get; private set; }

    /// <summary>The buyer or supplier whose events it receives; null for admin.</summary>
    public Guid? OrganizationId { get; private set; }

    /// <summary>The key that created it.</summary>
    public Guid? KeyId { get; private set; }

    public string Url { get; private set; }
    public IReadOnlyList<string> Events { get; private set; }
    public string? Description { get; private set; }
    public bool Active { get; private set; }
    public string Secret { get; private set; }
    public string? PreviousSecret { get; private set; }
    public DateTimeOffset? PreviousSecretExpiresAt { get; private set; }

    /// <summary>Deliveries given up in a row since the last success.</summary>
    public int ConsecutiveFailures { get; private set; }

    public string? DisabledReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The secrets a delivery is signed with now: the current one, and the previous one during its overlap.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTimeOffset now) =>
        PreviousSecret is { } previous && PreviousSecretExpiresAt > now ? [Secret, previous] : [Secret];

    /// <summary>A new secret; the old one still signs until <paramref name="overlap"/> has passed, so receivers can switch without losing a delivery.</summary>
    public void RotateSecret(DateTimeOffset now, TimeSpan overlap)
    {
        PreviousSecret = Secret;
        PreviousSecretExpiresAt = now + overlap;
        Secret = NewSecret();
    }

    public void Delivered()
    {
        if (ConsecutiveFailures != 0)
        {
            ConsecutiveFailures = 0;
        }
    }

    /// <summary>A delivery was given up; after <paramref name="disableAfter"/> in a row the subscription stops. Returns true when it did now.</summary>
    public bool GaveUp(int disableAfter)
    {
        ConsecutiveFailures++;
        if (!Active || ConsecutiveFailures < disableAfter)
        {
            return false;
        }

        Active = false;
        DisabledReason = $"{ConsecutiveFailures} deliveries in a row failed every attempt.";
        return true;
    }

    /// <summary>Starts delivering again (new events only; failed deliveries can be re-sent one by one).</summary>
    public void Enable()
    {
        if (Active)
        {
            return;
        }

        Active = true;
        ConsecutiveFailures = 0;
        DisabledReason = null;
    }

    private static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
