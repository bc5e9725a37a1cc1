using System.Net;
using System.Text.Json.Nodes;
using Matchmaking.Api.Tests.Infrastructure;
using Matchmaking.Application.Buyers;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Application.Matching;
using Matchmaking.Application.MatchLifecycle.GetMatchHistory;
using Matchmaking.Application.MatchLifecycle.TransitionMatch;
using Matchmaking.Application.Needs;
using Matchmaking.Application.Partnerships;
using Matchmaking.Application.Suppliers;
using Matchmaking.Domain.Matching;
using Matchmaking.Domain.Partnerships;
using Npgsql;

using static Matchmaking.Api.Tests.Infrastructure.Places;

namespace Matchmaking.Api.Tests.Lifecycle;

public sealed class PartnershipLifecycleTests(ApiFixture fixture) : ApiTest(fixture)
{

    private readonly DateOnly _today = ApiFixture.Clock.Today;
    private Guid _buyer;
    private HttpClient _buyerClient = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _buyer = (await (await Client.PostJsonAsync("/api/v1/buyers", TestData.Buyer())).ReadAsync<BuyerDto>(HttpStatusCode.Created)).Id;
        _buyerClient = (await ClientForRoleAsync("buyer", _buyer)).Client;
    }

    [Fact]
    public async Task HappyPath_FromMatchRunToCompletedAndPaidPartnership()
    {
        var supplier = await Scenario.SupplierAsync("CV Logam Jaya");
        var supplierClient = (await ClientForRoleAsync("supplier", supplier)).Client;
        var need = await Scenario.NeedAsync(TestData.Need(), _buyerClient);
        var match = (await Scenario.RunAndListIdsAsync(need, _buyerClient)).Single();

        Assert.Null((await (await _buyerClient.GetAsync($"/api/v1/suppliers/{supplier}")).ReadJsonAsync())["contact"]);
        await MoveAsync(_buyerClient, match, "shortlist", note: "Good foundry");
        await MoveAsync(_buyerClient, match, "invite");
        var invitations = await (await supplierClient.GetAsync($"/api/v1/suppliers/{supplier}/matches")).ReadAsync<PagedList<MatchDto>>();
        Assert.Equal([match], invitations.Items.Select(m => m.Id));
        var accepted = await MoveAsync(supplierClient, match, "accept", note: "Siap");

        Assert.Equal(MatchStatus.Accepted, accepted.Match.Status);
        var partnershipId = accepted.PartnershipId!.Value;
        var partnership = await (await _buyerClient.GetAsync($"/api/v1/partnerships/{partnershipId}")).ReadAsync<PartnershipDto>();
        Assert.Equal(_buyer, partnership.BuyerId);
        Assert.Equal(need, partnership.NeedId);
        Assert.Equal([(supplier, 1.0)], partnership.Members.Select(m => (m.SupplierId, m.Share)));
        Assert.Equal(2_400_000_000, partnership.AgreedValueIdr);
        Assert.Equal(_today, partnership.StartDate);
        Assert.Equal(PartnershipStatus.Active, partnership.Status);

        // The supplier accepted this buyer's invitation: the buyer now sees its contact details.
        Assert.NotNull((await (await _buyerClient.GetAsync($"/api/v1/suppliers/{supplier}")).ReadJsonAsync())["contact"]);

        var completed = await (await _buyerClient.PostJsonAsync($"/api/v1/partnerships/{partnershipId}/complete", new { qualityRating = 5, onTimeRating = 4 }))
            .ReadAsync<PartnershipDto>();
        Assert.Equal(PartnershipStatus.Completed, completed.Status);
        await PartnershipStartedDaysAgoAsync(partnershipId, 60);
        var paid = await (await supplierClient.PostJsonAsync($"/api/v1/partnerships/{partnershipId}/payment",
            new { invoicedOn = _today.AddDays(-40), paidOn = _today.AddDays(-5) })).ReadAsync<PartnershipDto>();
        Assert.Equal(35, paid.DaysToPay);

        var history = await (await _buyerClient.GetAsync($"/api/v1/matches/{match}/history")).ReadAsync<List<MatchTransitionDto>>();
        Assert.Equal([(MatchStatus.Suggested, MatchStatus.Shortlisted), (MatchStatus.Shortlisted, MatchStatus.Invited), (MatchStatus.Invited, MatchStatus.Accepted)],
            history.Select(h => (h.From, h.To)));
        Assert.Equal(["buyer", "buyer", "supplier"], history.Select(h => h.Role));
        Assert.Equal("Good foundry", history[0].Note);

        var buyer = await (await Client.GetAsync($"/api/v1/buyers/{_buyer}")).ReadAsync<BuyerDto>();
        Assert.Equal(1, buyer.Reputation!.Partnerships);
        Assert.Equal(1.0, buyer.Reputation.CompletionRate);
        Assert.Equal(35, buyer.Reputation.MedianDaysToPay);
        Assert.Equal(0, buyer.Reputation.ShareOfPaymentsWithin30Days);
    }

    public static TheoryData<string[], string, string> IllegalTransitions => new()
    {
        { [], "invite", "suggested" },
        { [], "accept", "suggested" },
        { ["shortlist"], "shortlist", "shortlisted" },
        { ["shortlist", "invite"], "invite", "invited" },
        { ["shortlist", "invite", "accept"], "withdraw", "accepted" },
        { ["shortlist", "invite", "accept"], "accept", "accepted" },
        { ["shortlist", "invite", "decline"], "accept", "declined" },
        { ["withdraw"], "shortlist", "withdrawn" },
        { ["withdraw"], "withdraw", "withdrawn" },
    };

    [Theory]
    [MemberData(nameof(IllegalTransitions))]
    public async Task IllegalTransition_Returns409NamingTheCurrentState(string[] before, string action, string state)
    {
        var supplier = await Scenario.SupplierAsync("CV A");
        var supplierClient = (await ClientForRoleAsync("supplier", supplier)).Client;
        var match = (await Scenario.RunAndListIdsAsync(await Scenario.NeedAsync(TestData.Need(), _buyerClient), _buyerClient)).Single();
        foreach (var step in before)
        {
            await MoveAsync(step is "accept" or "decline" ? supplierClient : _buyerClient, match, step);
        }

        // The supplier cannot see a match it was never invited to: admin answers for it there.
        var client = action is "accept" or "decline" ? (before.Contains("invite") ? supplierClient : null) : _buyerClient;
        if (client is null)
        {
            await (await supplierClient.PostAsync($"/api/v1/matches/{match}/{action}", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }
        else
        {
            var problem = await (await client.PostAsync($"/api/v1/matches/{match}/{action}", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
            Assert.Contains(state, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        // Either way the match stays where it was.
        var stored = await (await Client.GetAsync($"/api/v1/matches/{match}")).ReadJsonAsync();
        Assert.Equal(state, stored["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Transitions_AreRefusedToTheWrongParty()
    {
        var supplier = await Scenario.SupplierAsync("CV A");
        var other = await Scenario.SupplierAsync("CV B", location: Ceper);
        var supplierClient = (await ClientForRoleAsync("supplier", supplier)).Client;
        var otherClient = (await ClientForRoleAsync("supplier", other)).Client;
        var otherBuyer = (await (await Client.PostJsonAsync("/api/v1/buyers", TestData.Buyer(name: "PT KAI"))).ReadAsync<BuyerDto>(HttpStatusCode.Created)).Id;
        var otherBuyerClient = (await ClientForRoleAsync("buyer", otherBuyer)).Client;
        var matches = await Scenario.RunAndListIdsAsync(await Scenario.NeedAsync(TestData.Need(), _buyerClient), _buyerClient);
        var match = matches[0];
        var analyst = (await ClientForRoleAsync("analyst")).Client;

        await (await otherBuyerClient.PostAsync($"/api/v1/matches/{match}/shortlist", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await supplierClient.PostAsync($"/api/v1/matches/{match}/shortlist", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await analyst.PostAsync($"/api/v1/matches/{match}/shortlist", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await MoveAsync(_buyerClient, match, "shortlist");
        await MoveAsync(_buyerClient, match, "invite");
        await (await _buyerClient.PostAsync($"/api/v1/matches/{match}/accept", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var invited = await (await _buyerClient.GetAsync($"/api/v1/matches/{match}")).ReadAsync<MatchDto>();
        var stranger = invited.Supplier!.Id == supplier ? otherClient : supplierClient;
        await (await stranger.PostAsync($"/api/v1/matches/{match}/accept", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await otherBuyerClient.GetAsync($"/api/v1/matches/{match}/history")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ConsortiumIsAcceptedWhenEveryMemberAccepts()
    {
        var a = await Scenario.SupplierAsync("CV A", monthlyCapacity: 600);
        var b = await Scenario.SupplierAsync("CV B", monthlyCapacity: 600, location: Ceper);
        var need = await Scenario.NeedAsync(TestData.Need(quantity: 6000, allowConsortium: true), _buyerClient);
        await Scenario.RunAndListIdsAsync(need, _buyerClient);
        var consortium = (await (await _buyerClient.GetAsync($"/api/v1/needs/{need}/matches?kind=consortium")).ReadAsync<PagedList<MatchDto>>()).Items[0];
        await MoveAsync(_buyerClient, consortium.Id, "shortlist");
        await MoveAsync(_buyerClient, consortium.Id, "invite");

        var first = await MoveAsync((await ClientForRoleAsync("supplier", a)).Client, consortium.Id, "accept");
        Assert.Equal(MatchStatus.Invited, first.Match.Status);
        Assert.Null(first.PartnershipId);
        Assert.Equal(MemberResponse.Accepted, first.Match.Members!.Single(m => m.SupplierId == a).Response);
        Assert.Equal(MemberResponse.Pending, first.Match.Members!.Single(m => m.SupplierId == b).Response);

        var second = await MoveAsync((await ClientForRoleAsync("supplier", b)).Client, consortium.Id, "accept");
        Assert.Equal(MatchStatus.Accepted, second.Match.Status);
        var partnership = await (await Client.GetAsync($"/api/v1/partnerships/{second.PartnershipId}")).ReadAsync<PartnershipDto>();
        Assert.Equal(new[] { a, b }.Order(), partnership.Members.Select(m => m.SupplierId).Order());
        Assert.Equal(1.0, partnership.Members.Sum(m => m.Share), 3);
    }

    [Fact]
    public async Task OneMembersDeclineDeclinesTheConsortium()
    {
        var a = await Scenario.SupplierAsync("CV A", monthlyCapacity: 600);
        var b = await Scenario.SupplierAsync("CV B", monthlyCapacity: 600, location: Ceper);
        var need = await Scenario.NeedAsync(TestData.Need(quantity: 6000, allowConsortium: true), _buyerClient);
        await Scenario.RunAndListIdsAsync(need, _buyerClient);
        var consortium = (await (await _buyerClient.GetAsync($"/api/v1/needs/{need}/matches?kind=consortium")).ReadAsync<PagedList<MatchDto>>()).Items[0];
        await MoveAsync(_buyerClient, consortium.Id, "shortlist");
        await MoveAsync(_buyerClient, consortium.Id, "invite");
        await MoveAsync((await ClientForRoleAsync("supplier", a)).Client, consortium.Id, "accept");

        var declined = await MoveAsync((await ClientForRoleAsync("supplier", b)).Client, consortium.Id, "decline", note: "Kapasitas penuh");

        Assert.Equal(MatchStatus.Declined, declined.Match.Status);
        Assert.Equal(0, (await (await Client.GetAsync("/api/v1/partnerships")).ReadAsync<PagedList<PartnershipDto>>()).TotalCount);
    }

    [Fact]
    public async Task ConcurrentDoubleAccept_YieldsOnePartnership()
    {
        var supplier = await Scenario.SupplierAsync("CV A");
        var match = (await Scenario.RunAndListIdsAsync(await Scenario.NeedAsync(TestData.Need(), _buyerClient), _buyerClient)).Single();
        await MoveAsync(_buyerClient, match, "shortlist");
        await MoveAsync(_buyerClient, match, "invite");
        var clients = new[] { (await ClientForRoleAsync("supplier", supplier)).Client, (await ClientForRoleAsync("supplier", supplier)).Client };

        Task<HttpResponseMessage[]> accepting;
        await using (await HoldRowUntilWaitingAsync("SELECT 1 FROM matches WHERE id = @id FOR UPDATE", match, waiters: 6))
        {
            // All six reach the database and wait on the held row before any of them can write.
            accepting = Task.WhenAll(Enumerable.Range(0, 6).Select(i => clients[i % 2].PostAsync($"/api/v1/matches/{match}/accept", null)));
        }

        var responses = await accepting;
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, (await (await Client.GetAsync("/api/v1/partnerships")).ReadAsync<PagedList<PartnershipDto>>()).TotalCount);
        var history = await (await Client.GetAsync($"/api/v1/matches/{match}/history")).ReadAsync<List<MatchTransitionDto>>();
        Assert.Single(history, h => h.To == MatchStatus.Accepted);

        // The last line of defence is the database's own: a second partnership for the match cannot be stored.
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var duplicate = new NpgsqlCommand(
            """
            CREATE TEMP TABLE second_partnership AS SELECT * FROM partnerships WHERE match_id = @id;
            UPDATE second_partnership SET id = gen_random_uuid();
            INSERT INTO partnerships SELECT * FROM second_partnership;
            """, connection);
        duplicate.Parameters.AddWithValue("id", match);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => duplicate.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.UniqueViolation, refused.SqlState);
    }

    [Fact]
    public async Task CompletionAndPayment_AreValidatedAndHappenOnce()
    {
        var (partnership, supplierClient) = await PartnershipAsync("CV A");

        await (await _buyerClient.PostJsonAsync($"/api/v1/partnerships/{partnership}/complete", new { qualityRating = 6, onTimeRating = 3 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "qualityRating");
        await (await _buyerClient.PostJsonAsync($"/api/v1/partnerships/{partnership}/complete", new { qualityRating = 4 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "onTimeRating");
        await (await supplierClient.PostJsonAsync($"/api/v1/partnerships/{partnership}/complete", new { qualityRating = 5, onTimeRating = 5 }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await _buyerClient.PostJsonAsync($"/api/v1/partnerships/{partnership}/complete", new { qualityRating = 4, onTimeRating = 3 })).StatusCode);
        await (await _buyerClient.PostJsonAsync($"/api/v1/partnerships/{partnership}/complete", new { qualityRating = 5, onTimeRating = 5 }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);

        // Invoiced before the partnership began (a payment invoiced on 0001-01-01 once skewed a buyer's median).
        await (await supplierClient.PostJsonAsync($"/api/v1/partnerships/{partnership}/payment", new { invoicedOn = new DateOnly(1, 1, 1), paidOn = _today }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invoicedOn");
        await (await supplierClient.PostJsonAsync($"/api/v1/partnerships/{partnership}/payment", new { invoicedOn = _today.AddDays(-10), paidOn = _today }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invoicedOn");
        await PartnershipStartedDaysAgoAsync(partnership, 30);
        await (await supplierClient.PostJsonAsync($"/api/v1/partnerships/{partnership}/payment", new { invoicedOn = _today.AddDays(-10), paidOn = _today.AddDays(-20) }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "paidOn");
        await (await supplierClient.PostJsonAsync($"/api/v1/partnerships/{partnership}/payment", new { invoicedOn = _today.AddDays(-10), paidOn = _today.AddDays(3) }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "paidOn");
        await (await _buyerClient.PostJsonAsync($"/api/v1/partnerships/{partnership}/payment", new { invoicedOn = _today.AddDays(-10), paidOn = _today }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await supplierClient.PostJsonAsync($"/api/v1/partnerships/{partnership}/payment", new { invoicedOn = _today.AddDays(-10), paidOn = _today })).StatusCode);
        await (await supplierClient.PostJsonAsync($"/api/v1/partnerships/{partnership}/payment", new { invoicedOn = _today.AddDays(-10), paidOn = _today }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var stored = await (await Client.GetAsync($"/api/v1/partnerships/{partnership}")).ReadAsync<PartnershipDto>();
        Assert.Equal((4, 3, 10), (stored.QualityRating!.Value, stored.OnTimeRating!.Value, stored.DaysToPay!.Value));
    }

    [Fact]
    public async Task BuyerReputation_IsComputedFromPaymentsAndCompletions()
    {
        // Four partnerships paid after 10, 20, 40 and 90 days; two completed.
        var days = new[] { 10, 20, 40, 90 };
        for (var i = 0; i < days.Length; i++)
        {
            var (partnership, supplierClient) = await PartnershipAsync($"CV {i}");
            await PartnershipStartedDaysAgoAsync(partnership, 120);
            await (await supplierClient.PostJsonAsync($"/api/v1/partnerships/{partnership}/payment", new { invoicedOn = _today.AddDays(-100), paidOn = _today.AddDays(-100 + days[i]) })).ShouldBeAsync(HttpStatusCode.OK);
            if (i < 2)
            {
                await (await _buyerClient.PostJsonAsync($"/api/v1/partnerships/{partnership}/complete", new { qualityRating = 4, onTimeRating = 2 })).ShouldBeAsync(HttpStatusCode.OK);
            }
        }

        var reputation = (await (await Client.GetAsync($"/api/v1/buyers/{_buyer}")).ReadAsync<BuyerDto>()).Reputation!;

        Assert.Equal(4, reputation.Partnerships);
        Assert.Equal(2, reputation.Completed);
        Assert.Equal(0.5, reputation.CompletionRate);
        Assert.Equal(4, reputation.PaymentsReported);
        Assert.Equal(30, reputation.MedianDaysToPay);
        Assert.Equal(75, reputation.P90DaysToPay);
        Assert.Equal(0.5, reputation.ShareOfPaymentsWithin30Days);
        Assert.Equal(3, reputation.AverageRatingGiven);
    }

    [Fact]
    public async Task TrackRecord_ChangesALaterRanking()
    {
        var first = await Scenario.SupplierAsync("CV Twin 1");
        var second = await Scenario.SupplierAsync("CV Twin 2");
        var need = await Scenario.NeedAsync(TestData.Need() with { Ranking = Domain.Matching.RankingMode.Strict }, _buyerClient);
        // Equal merit: the hashed tie-break of (need, supplier) decides; the one it puts second is "later".
        var (earlier, later) = Domain.Matching.ExposureRanking.TieBreak(need, first) < Domain.Matching.ExposureRanking.TieBreak(need, second)
            ? (first, second) : (second, first);
        var initial = await Scenario.RunAndListIdsAsync(need, _buyerClient);
        Assert.Equal(earlier, (await (await Client.GetAsync($"/api/v1/matches/{initial[0]}")).ReadAsync<MatchDto>()).Supplier!.Id);

        // The supplier that lost the tie completes a partnership rated 5/5 ...
        var laterMatch = initial.Single(id => MatchSupplier(id).Result == later);
        await MoveAsync(_buyerClient, laterMatch, "shortlist");
        await MoveAsync(_buyerClient, laterMatch, "invite");
        var accepted = await MoveAsync((await ClientForRoleAsync("supplier", later)).Client, laterMatch, "accept");
        await (await _buyerClient.PostJsonAsync($"/api/v1/partnerships/{accepted.PartnershipId}/complete", new { qualityRating = 5, onTimeRating = 5 })).ShouldBeAsync(HttpStatusCode.OK);

        // ... and now ranks first on merit alone.
        var rerun = await Scenario.RunAndListIdsAsync(await Scenario.NeedAsync(TestData.Need() with { Ranking = Domain.Matching.RankingMode.Strict }, _buyerClient), _buyerClient);
        var top = await (await Client.GetAsync($"/api/v1/matches/{rerun[0]}")).ReadAsync<MatchDto>();
        Assert.Equal(later, top.Supplier!.Id);
        Assert.Equal(0.625, top.Components.TrackRecord, 3);
        Assert.Contains("1 completed partnerships, average rating 5.0/5", top.Reasons);
    }

    private async Task<Guid> MatchSupplier(Guid match) =>
        (await (await Client.GetAsync($"/api/v1/matches/{match}")).ReadAsync<MatchDto>()).Supplier!.Id;

    private async Task<(Guid Partnership, HttpClient SupplierClient)> PartnershipAsync(string name)
    {
        var supplier = await Scenario.SupplierAsync(name);
        var supplierClient = (await ClientForRoleAsync("supplier", supplier)).Client;
        var matches = await Scenario.RunAndListIdsAsync(await Scenario.NeedAsync(TestData.Need(), _buyerClient), _buyerClient);
        var match = matches.Single(id => MatchSupplier(id).Result == supplier);
        await MoveAsync(_buyerClient, match, "shortlist");
        await MoveAsync(_buyerClient, match, "invite");
        return ((await MoveAsync(supplierClient, match, "accept")).PartnershipId!.Value, supplierClient);
    }

    private static async Task<TransitionResultDto> MoveAsync(HttpClient client, Guid match, string action, string? note = null)
    {
        var response = note is null
            ? await client.PostAsync($"/api/v1/matches/{match}/{action}", null)
            : await client.PostJsonAsync($"/api/v1/matches/{match}/{action}", new { note });
        return await response.ReadAsync<TransitionResultDto>();
    }
}
