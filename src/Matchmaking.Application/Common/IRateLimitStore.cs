namespace Matchmaking.Application.Common;

/// <summary>
/// Token buckets shared by every API instance. <see cref="TakeAsync"/> refills the bucket for the time since
/// its last use (perSecond, never above burst) and takes up to
/// wanted whole tokens.
/// </summary>
public interface IRateLimitStore
{
    Task<RateLimitGrant> TakeAsync(string partition, int wanted, int burst, double perSecond, CancellationToken cancellationToken);
}

/// <param name="Granted">Tokens taken (0 when the bucket holds less than one).</param>
/// <param name="Left">Tokens left in the bucket after the take.</param>
public sealed record RateLimitGrant(int Granted, double Left);
