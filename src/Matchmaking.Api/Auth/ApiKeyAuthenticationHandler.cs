using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Matchmaking.Domain.Access;
using Matchmaking.Infrastructure.Persistence;
using Matchmaking.Infrastructure.Resilience;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Matchmaking.Api.Auth;

/// <summary>
/// Authenticates <c>X-Api-Key</c>: the bootstrap admin key from configuration, or a stored key looked up
/// by its prefix and compared by hash in constant time. The database is asked on every request, so a
/// revoked key fails at once; only when the database cannot answer is a key verified within the last five
/// minutes accepted from memory (nothing can be revoked while the database is away), so what needs no
/// database (reference data) keeps answering and the rest answers 503 rather than 401.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApplicationDbContext db,
    IConfiguration configuration,
    IProblemDetailsService problemDetails,
    IMemoryCache verifiedKeys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string OrganizationClaim = "org";
    public const string KeyIdClaim = "key_id";

    /// <summary>The bootstrap key is not stored; audit entries name it by this id.</summary>
    public static readonly Guid BootstrapKeyId = Guid.Empty;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count == 0 || string.IsNullOrWhiteSpace(values[0]))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = values[0]!.Trim();
        if (IsBootstrapKey(secret))
        {
            return Success(BootstrapKeyId, Role.Admin, organizationId: null);
        }

        if (secret.Length < ApiKey.PrefixLength || secret.Length > 200)
        {
            return AuthenticateResult.Fail("Unknown API key.");
        }

        var cacheKey = "api-key:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
        ApiKey? key;
        try
        {
            var prefix = secret[..ApiKey.PrefixLength];
            var candidates = await db.ApiKeys.AsNoTracking().Where(k => k.Prefix == prefix && k.RevokedAt == null).ToListAsync(Context.RequestAborted);
            key = candidates.FirstOrDefault(k => k.Matches(secret));
        }
        catch (Exception exception) when (DatabaseFaults.IsUnavailable(exception)
            && verifiedKeys.TryGetValue(cacheKey, out VerifiedKey? verified) && verified is not null)
        {
            return Success(verified.Id, verified.Role, verified.OrganizationId);
        }

        if (key is null)
        {
            verifiedKeys.Remove(cacheKey);
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        verifiedKeys.Set(cacheKey, new VerifiedKey(key.Id, key.Role, key.OrganizationId), TimeSpan.FromMinutes(5));
        return Success(key.Id, key.Role, key.OrganizationId);
    }

    private sealed record VerifiedKey(Guid Id, Role Role, Guid? OrganizationId);

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\"";
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized",
            Request.Headers.ContainsKey(HeaderName) ? "The API key is unknown or revoked." : $"Send a valid API key in the {HeaderName} header.");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", "Your API key's role may not do this.");
    }

    private bool IsBootstrapKey(string secret)
    {
        var bootstrap = configuration["Auth:BootstrapAdminKey"];
        if (string.IsNullOrEmpty(bootstrap))
        {
            return false;
        }

        // Hash both sides so the comparison takes the same time whatever the lengths.
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), SHA256.HashData(Encoding.UTF8.GetBytes(bootstrap)));
    }

    private static AuthenticateResult Success(Guid keyId, Role role, Guid? organizationId)
    {
        var claims = new List<Claim>
        {
            new(KeyIdClaim, keyId.ToString()),
            new(ClaimTypes.Role, role.ToString().ToLowerInvariant()),
        };
        if (organizationId is { } org)
        {
            claims.Add(new Claim(OrganizationClaim, org.ToString()));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private async Task WriteProblemAsync(int status, string title, string detail) =>
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
}
