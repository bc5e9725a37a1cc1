using Matchmaking.Application.Common;
using MediatR;

namespace Matchmaking.Application.Suppliers.GetRegistryVersion;

/// <summary>The supplier registry's version: it changes with every supplier write (see <see cref="IRegistryVersion"/>).</summary>
public sealed record GetRegistryVersionQuery : ILagTolerantQuery<long>;

public sealed class GetRegistryVersionQueryHandler(IRegistryVersion registry) : IRequestHandler<GetRegistryVersionQuery, long>
{
    public Task<long> Handle(GetRegistryVersionQuery request, CancellationToken cancellationToken) => registry.SuppliersAsync(cancellationToken);
}
