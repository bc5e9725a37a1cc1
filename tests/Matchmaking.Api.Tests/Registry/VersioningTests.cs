using System.Net;
using Matchmaking.Api.Tests.Infrastructure;
using Matchmaking.Application.Buyers;
using Matchmaking.Application.Suppliers;
using Matchmaking.Domain.Common;

namespace Matchmaking.Api.Tests.Registry;

/// <summary>Version (the ETag) and updatedAt are kept by persistence, one step per saved change, whatever part of the aggregate changed.</summary>
public sealed class VersioningTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task A_change_raises_the_version_by_one_and_stamps_the_server_time_and_a_PUT_that_changes_nothing_keeps_both()
    {
        var created = await (await Client.PostJsonAsync("/api/v1/buyers", TestData.Buyer())).ReadAsync<BuyerDto>(HttpStatusCode.Created);
        Assert.Equal(created.CreatedAt, created.UpdatedAt);

        ApiFixture.Clock.Advance(TimeSpan.FromMinutes(90));
        var changedAt = ApiFixture.Clock.GetUtcNow();
        var renamed = await Client.PutJsonAsync($"/api/v1/buyers/{created.Id}", TestData.Buyer(name: "PT PLN UID Jateng"), ifMatch: "\"0\"");
        var body = await renamed.ReadAsync<BuyerDto>();

        Assert.Equal("\"1\"", renamed.Headers.ETag!.Tag);
        Assert.Equal(created.CreatedAt, body.CreatedAt);
        Assert.InRange(body.UpdatedAt, changedAt, changedAt.AddSeconds(30));

        var same = await Client.PutJsonAsync($"/api/v1/buyers/{created.Id}", TestData.Buyer(name: "PT PLN UID Jateng"), ifMatch: "\"1\"");
        Assert.Equal("\"1\"", same.Headers.ETag!.Tag);
        Assert.Equal(body.UpdatedAt, (await same.ReadAsync<BuyerDto>()).UpdatedAt);
    }

    [Fact]
    public async Task A_change_to_a_suppliers_certificates_alone_raises_its_version_and_is_checked_against_it()
    {
        var supplier = TestData.Supplier(certifications: []);
        var created = await (await Client.PostJsonAsync("/api/v1/suppliers", supplier)).ReadAsync<SupplierDto>(HttpStatusCode.Created);
        var certified = supplier with { Certifications = [TestData.Certificate(CertificationScheme.Sni, new DateOnly(2099, 6, 30))] };

        var first = await Client.PutJsonAsync($"/api/v1/suppliers/{created.Id}", certified, ifMatch: "\"0\"");
        Assert.Equal("\"1\"", first.Headers.ETag!.Tag);
        Assert.Equal([CertificationScheme.Sni], (await first.ReadAsync<SupplierDto>()).Certifications.Select(c => c.Scheme));

        var stale = await Client.PutJsonAsync($"/api/v1/suppliers/{created.Id}", supplier, ifMatch: "\"0\"");
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        var read = await Client.GetAsync($"/api/v1/suppliers/{created.Id}");
        Assert.Equal("\"1\"", read.Headers.ETag!.Tag);
        Assert.Single((await read.ReadAsync<SupplierDto>()).Certifications);
    }
}
