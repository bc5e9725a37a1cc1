using MediatR;

namespace Matchmaking.Application.Common;

/// <summary>A request that only reads: safe to retry after a passing database fault.</summary>
public interface IQuery<out TResponse> : IRequest<TResponse>;
