using Matchmaking.Application.Common;
using Matchmaking.Infrastructure.Demo;
using Matchmaking.Infrastructure.Persistence;
using Matchmaking.Infrastructure.Persistence.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Matchmaking.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Matchmaking";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"Connection string '{ConnectionStringName}' is missing: set ConnectionStrings__{ConnectionStringName}.");

        services.AddScoped<AuditInterceptor>();
        services.AddDbContext<ApplicationDbContext>((provider, options) => options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(provider.GetRequiredService<AuditInterceptor>())
            // A supplier without contact details has no contact row values; null is the intended reading.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.OptionalDependentWithoutIdentifyingPropertyWarning)));
        services.AddScoped<IApplicationDbContext>(provider => provider.GetRequiredService<ApplicationDbContext>());
        services.AddSingleton(ReferenceDataLoader.Load());
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<Application.Suppliers.ImportSuppliers.ISupplierBulkWriter, Import.NpgsqlSupplierBulkWriter>();
        services.AddHealthChecks().AddDbContextCheck<ApplicationDbContext>("postgresql", tags: ["ready"]);
        return services;
    }
}
