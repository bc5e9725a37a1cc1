using Matchmaking.Application.Matching;
using Matchmaking.Domain.Matching;
using Matchmaking.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Matchmaking.Infrastructure.Matching;

/// <summary>
/// The run goes through SaveChanges, so its audit entry and its <c>match-run.completed</c> event are written by
/// the interceptors as for any aggregate; its matches, their consortium members and its near misses follow by
/// binary COPY in the same transaction (columns as the EF model maps them: enums as their names).
/// </summary>
public sealed class NpgsqlMatchRunWriter(ApplicationDbContext db) : IMatchRunWriter
{
    public async Task WriteAsync(MatchRun run, IReadOnlyList<Match> matches, IReadOnlyList<NearMissRecord> nearMisses, CancellationToken cancellationToken)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            db.MatchRuns.Add(run);
            await db.SaveChangesAsync(cancellationToken);
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await CopyMatchesAsync(connection, matches, cancellationToken);
            await CopyMembersAsync(connection, matches, cancellationToken);
            await CopyNearMissesAsync(connection, nearMisses, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    private static async Task CopyMatchesAsync(NpgsqlConnection connection, IReadOnlyList<Match> matches, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            """
            COPY matches (id, run_id, need_id, rank, kind, supplier_id, score, distance_km, reasons, status, version,
                component_capability, component_capacity, component_local_content, component_proximity, component_track_record, exposure)
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        foreach (var match in matches)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(match.Id, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(match.RunId, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(match.NeedId, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(match.Rank, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(match.Kind.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(copy, match.SupplierId, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(match.Score, NpgsqlDbType.Double, cancellationToken);
            await copy.WriteAsync(match.DistanceKm, NpgsqlDbType.Double, cancellationToken);
            await copy.WriteAsync(match.Reasons.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(match.Status.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(match.Version, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(match.Components.Capability, NpgsqlDbType.Double, cancellationToken);
            await copy.WriteAsync(match.Components.Capacity, NpgsqlDbType.Double, cancellationToken);
            await copy.WriteAsync(match.Components.LocalContent, NpgsqlDbType.Double, cancellationToken);
            await copy.WriteAsync(match.Components.Proximity, NpgsqlDbType.Double, cancellationToken);
            await copy.WriteAsync(match.Components.TrackRecord, NpgsqlDbType.Double, cancellationToken);
            await WriteNullableAsync(copy, match.Exposure, NpgsqlDbType.Double, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task CopyMembersAsync(NpgsqlConnection connection, IReadOnlyList<Match> matches, CancellationToken cancellationToken)
    {
        if (!matches.Any(m => m.Members.Count > 0))
        {
            return;
        }

        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY match_members (match_id, supplier_id, name, share, response) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var (match, member) in matches.SelectMany(m => m.Members.Select(member => (m, member))))
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(match.Id, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(member.SupplierId, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(member.Name, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(member.Share, NpgsqlDbType.Double, cancellationToken);
            await copy.WriteAsync(member.Response.ToString(), NpgsqlDbType.Varchar, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task CopyNearMissesAsync(NpgsqlConnection connection, IReadOnlyList<NearMissRecord> nearMisses, CancellationToken cancellationToken)
    {
        if (nearMisses.Count == 0)
        {
            return;
        }

        await using var copy = await connection.BeginBinaryImportAsync(
            """
            COPY near_misses (id, run_id, need_id, supplier_id, supplier_province_code, gap_kind, gap_subject, gap_message, facility_id)
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        foreach (var nearMiss in nearMisses)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(nearMiss.Id, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(nearMiss.RunId, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(nearMiss.NeedId, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(nearMiss.SupplierId, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(nearMiss.SupplierProvinceCode, NpgsqlDbType.Char, cancellationToken);
            await copy.WriteAsync(nearMiss.GapKind.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(copy, nearMiss.GapSubject, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(nearMiss.GapMessage, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(copy, nearMiss.FacilityId, NpgsqlDbType.Uuid, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct =>
        value is { } present ? copy.WriteAsync(present, type, cancellationToken) : copy.WriteNullAsync(cancellationToken);

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, type, cancellationToken);
}
