namespace Matchmaking.Api.Endpoints;

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        // Liveness runs no checks: a slow database must not get the process restarted.
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).WithName("Health_Live").AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") }).WithName("Health_Ready").AllowAnonymous();
        return app;
    }
}
