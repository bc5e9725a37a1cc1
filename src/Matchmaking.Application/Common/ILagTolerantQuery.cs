namespace Matchmaking.Application.Common;

/// <summary>
/// A read that tolerates replication lag: when <c>ConnectionStrings:MatchmakingReadOnly</c> names a
/// streaming replica that is up and within its lag bound, it is served there (README, "Read replicas").
/// Only for reads whose answer may be a few seconds old; a read that must see the caller's own write is a
/// plain <see cref="IQuery{TResponse}"/>.
/// </summary>
public interface ILagTolerantQuery<out TResponse> : IQuery<TResponse>;
