using System.Security.Cryptography;
using System.Text;

namespace Matchmaking.Domain.Access;

/// <summary>
/// Least privilege first: a generated client that leaves a required enum unset sends its first value, and
/// that must never be admin. Stored and sent as names, so the order is free to choose.
/// </summary>
public enum Role
{
    Analyst,
    Financier,
    Supplier,
    Buyer,
    Admin,
}

/// <summary>
/// An API key. The secret is shown once at creation; only its SHA-256 is stored (the secret carries
/// 256 random bits, so a slow password hash would add nothing but latency), with a non-secret prefix to list it by.
/// </summary>
public sealed class ApiKey
{
    public const string SecretPrefix = "mm_";
    public const int PrefixLength = 11;

    private ApiKey()
    {
        Name = Prefix = string.Empty;
        Hash = [];
    }

    private ApiKey(Guid id, string name, Role role, Guid? organizationId, string prefix, byte[] hash, DateTimeOffset now)
    {
        Id = id;
        Name = name;
        Role = role;
        OrganizationId = organizationId;
        Prefix = prefix;
        Hash = hash;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public Role Role { get; private set; }

    /// <summary>The buyer (role buyer) or supplier (role supplier) the key acts for.</summary>
    public Guid? OrganizationId { get; private set; }

    /// <summary>The first characters of the secret: enough to recognise a key, useless to an attacker.</summary>
    public string Prefix { get; private set; }

    public byte[] Hash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>Creates a key and returns it with its secret, which exists nowhere else afterwards.</summary>
    public static (ApiKey Key, string Secret) Issue(Guid id, string name, Role role, Guid? organizationId, DateTimeOffset now)
    {
        var secret = SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new ApiKey(id, name, role, organizationId, secret[..PrefixLength], HashOf(secret), now), secret);
    }

    public static byte[] HashOf(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>Constant-time comparison, so response timing reveals nothing about the stored hash.</summary>
    public bool Matches(string secret) => !IsRevoked && CryptographicOperations.FixedTimeEquals(Hash, HashOf(secret));

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
