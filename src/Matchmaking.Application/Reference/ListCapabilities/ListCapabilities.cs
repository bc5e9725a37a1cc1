using Matchmaking.Application.Common;
using Matchmaking.Domain.Reference;
using MediatR;

namespace Matchmaking.Application.Reference.ListCapabilities;

/// <summary>A taxonomy node. A need for a code is met by the code itself or any code below it.</summary>
public sealed record CapabilityDto(string Code, string? ParentCode, string NameId, string NameEn, IReadOnlyList<string> KbliCodes);

public sealed record ListCapabilitiesQuery : IQuery<IReadOnlyList<CapabilityDto>>;

public sealed class ListCapabilitiesQueryHandler(ReferenceCatalog catalog) : IRequestHandler<ListCapabilitiesQuery, IReadOnlyList<CapabilityDto>>
{
    public Task<IReadOnlyList<CapabilityDto>> Handle(ListCapabilitiesQuery request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CapabilityDto>>(catalog.Capabilities
            .OrderBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => new CapabilityDto(c.Code, c.ParentCode, c.NameId, c.NameEn, c.KbliCodes))
            .ToList());
}
