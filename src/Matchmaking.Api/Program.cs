using Matchmaking.Api;
using Matchmaking.Api.Endpoints;
using Matchmaking.Api.Infrastructure;
using Matchmaking.Application;
using Matchmaking.Infrastructure;
using Matchmaking.Infrastructure.Demo;
using Matchmaking.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

var builder = WebApplication.CreateBuilder(args);

builder.Services
    .AddApplication(builder.Configuration)
    .AddInfrastructure(builder.Configuration)
    .AddApi(builder.Configuration)
    .AddTelemetry(builder.Configuration);

var app = builder.Build();

var migrateOnly = args.Contains("--migrate");
if (migrateOnly || app.Configuration.GetValue<bool>("Database:MigrateOnStartup"))
{
    await using var scope = app.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Database.MigrateAsync();
    if (migrateOnly)
    {
        return;
    }
}

if (app.Configuration.GetValue<bool>("Demo:Seed"))
{
    await using var scope = app.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None);
}

app.UseForwardedHeaders();
app.UseMiddleware<ResponseHeadersMiddleware>();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<QueryStringGuardMiddleware>();
app.UseMiddleware<RequestSizeLimitMiddleware>();

// The API's description is public (generators and portals fetch it without a key); it is served before authorization,
// whose fallback policy refuses everything else that names no policy.
app.UseSwagger();
app.UseSwaggerUI(options =>
{
    options.SwaggerEndpoint("/swagger/v1/swagger.json", "Matchmaking API v1");
    options.DocumentTitle = "Matchmaking API";
});

app.UseAuthentication();
app.UseMiddleware<Matchmaking.Api.Auth.RateLimitMiddleware>();
app.UseAuthorization();
app.UseMiddleware<IdempotencyMiddleware>();

app.MapHealthEndpoints();
app.MapMetrics();
app.MapReferenceEndpoints();
app.MapSupplierEndpoints();
app.MapBuyerEndpoints();
app.MapFacilityEndpoints();
app.MapNeedEndpoints();
app.MapMatchEndpoints();
app.MapPartnershipEndpoints();
app.MapAnalyticsEndpoints();
app.MapAccessEndpoints();
app.MapEventEndpoints();
app.MapFinancingEndpoints();
app.MapProgramEndpoints();

await app.RunAsync();

/// <summary>Entry point; public so tests can host the API with WebApplicationFactory.</summary>
public partial class Program;
