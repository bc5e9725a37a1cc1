namespace Matchmaking.Application.Common.Models;

/// <summary>
/// One page of a collection. <c>next</c>: on lists that take <c>after</c> (suppliers), the cursor of the
/// following page while more may follow.
/// </summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount, string? Next = null);

public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>Keeps (page − 1) × pageSize inside what PostgreSQL's OFFSET takes.</summary>
    public const int MaxPage = 10_000_000;
}

/// <summary>A resource together with its version, so endpoints can send it as an ETag.</summary>
public sealed record Versioned<T>(T Value, int Version);
