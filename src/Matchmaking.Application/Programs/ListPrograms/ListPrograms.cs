using AutoMapper;
using AutoMapper.QueryableExtensions;
using FluentValidation;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Programs;
using Matchmaking.Domain.Reference;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Programs.ListPrograms;

public sealed record ListProgramsQuery(string? ProvinceCode = null, string? Kind = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<ProgramDto>>, IPagedQuery;

public sealed class ListProgramsQueryHandler(IMapper mapper, IApplicationDbContext db) : IRequestHandler<ListProgramsQuery, PagedList<ProgramDto>>
{
    public async Task<PagedList<ProgramDto>> Handle(ListProgramsQuery request, CancellationToken cancellationToken)
    {
        var query = db.Programs.AsNoTracking();
        if (request.ProvinceCode is { } province)
        {
            query = query.Where(p => !p.ProvinceCodes.Any() || p.ProvinceCodes.Contains(province));
        }

        if (RuleExtensions.ParseWireEnumOrNull<ProgramKind>(request.Kind) is { } kind)
        {
            query = query.Where(p => p.Kind == kind);
        }

        return await query.OrderBy(p => p.StartsOn).ThenBy(p => p.Id)
            .ProjectTo<ProgramDto>(mapper.ConfigurationProvider)
            .ToPageAsync(request, cancellationToken);
    }
}

public sealed class ListProgramsQueryValidator : AbstractValidator<ListProgramsQuery>
{
    public ListProgramsQueryValidator(ReferenceCatalog catalog)
    {
        this.AddPageRules();
        RuleFor(q => q.ProvinceCode).OptionalProvince(catalog);
        RuleFor(q => q.Kind).OptionalWireEnum<ListProgramsQuery, ProgramKind>();
    }
}
