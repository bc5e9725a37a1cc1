#!/usr/bin/env python3
"""Acceptance flow and cross-instance checks through the nginx front (started by deploy/scale/check.sh).

usage: check.py URL ADMIN_KEY UPSTREAM_LOG BURST PER_SECOND PG_VERSION
"""
import json, subprocess, sys, time, uuid, urllib.request, urllib.error, datetime

url, admin, upstream_log, burst, per_second, pg_version = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5]), sys.argv[6]
today = datetime.date.today()


def call(method, path, key=admin, body=None, headers=None, expect=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url + path, data=data, method=method)
    request.add_header("X-Api-Key", key)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            status, text = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read().decode()
    if expect is not None and status != expect:
        sys.exit(f"FAIL {method} {path}: {status}, expected {expect}: {text[:500]}")
    return status, (json.loads(text) if text and text.lstrip()[:1] in "{[" else text)


def step(message):
    print(f"  ok  {message}", flush=True)


# 1. The acceptance flow: buyer, suppliers, need, match run, shortlist, invite, accept, partnership, payment, completion.
_, buyer = call("POST", "/api/v1/buyers", body={"name": "PT PLN (Persero) scale check", "type": "bumn", "sector": "electricity", "provinceCode": "31"}, expect=201)
suppliers = []
for i in range(3):
    _, supplier = call("POST", "/api/v1/suppliers", expect=201, body={
        "name": f"CV Cor Ceper {i}", "nib": f"97{int(time.time() * 1000) % 10**9:09d}{i:02d}", "legalForm": "cv",
        "businessCapitalIdr": 800000000, "annualRevenueIdr": 3500000000, "provinceCode": "33", "regencyCode": "3310",
        "location": {"latitude": -7.70 + i / 100, "longitude": 110.61}, "kbliCodes": ["24310"],
        "capabilities": [{"code": "metal.casting.iron", "monthlyCapacity": 4000, "unit": "pcs", "description": "castings"}],
        "certifications": [], "tkdnPercent": 45.5, "employees": 18, "exportExperience": False, "description": "Grey iron castings",
        "contact": {"name": "Pak Slamet", "email": "slamet@example.co.id", "phone": "+6281234567890"}})
    suppliers.append(supplier["id"])
_, need = call("POST", "/api/v1/needs", expect=201, body={
    "buyerId": buyer["id"], "title": "Cast iron brackets", "capabilityCodes": ["metal.casting"], "quantity": 1000, "unit": "pcs",
    "neededBy": (today + datetime.timedelta(days=180)).isoformat(), "deliveryProvinceCode": "33",
    "deliveryLocation": {"latitude": -6.99, "longitude": 110.42}, "estimatedValueIdr": 2400000000, "requiredCertifications": []})
_, run = call("POST", f"/api/v1/needs/{need['id']}/match-runs", expect=201)
assert run["candidatesConsidered"] >= 3, run
# The database keeps earlier checks' suppliers, which tie with these: look through the whole stored run.
singles = [m for number in (1, 2) for m in call("GET", f"/api/v1/needs/{need['id']}/matches?pageSize=200&page={number}&kind=single", expect=200)[1]["items"]]
match = next(m for m in singles if m["supplier"]["id"] == suppliers[0])
call("POST", f"/api/v1/matches/{match['id']}/shortlist", expect=200)
call("POST", f"/api/v1/matches/{match['id']}/invite", expect=200)
_, supplier_key = call("POST", "/api/v1/api-keys", expect=201, body={"role": "supplier", "organizationId": suppliers[0], "name": "scale check"})
_, accepted = call("POST", f"/api/v1/matches/{match['id']}/accept", key=supplier_key["key"], expect=200)
partnership = accepted["partnershipId"]
call("POST", f"/api/v1/partnerships/{partnership}/payment", key=supplier_key["key"], expect=200,
     body={"invoicedOn": today.isoformat(), "paidOn": today.isoformat()})
_, completed = call("POST", f"/api/v1/partnerships/{partnership}/complete", expect=200, body={"qualityRating": 5, "onTimeRating": 4})
assert completed["status"] == "completed", completed
step(f"acceptance flow: need -> run ({run['candidatesConsidered']} qualifying) -> invite -> accept -> partnership paid and completed")

# 2. An idempotent retry lands on the other instance (round robin) and does not duplicate.
key = str(uuid.uuid4())
body = {"name": f"PT Retry Sekali {key[:8]}", "type": "large_private", "sector": "manufacturing", "provinceCode": "33"}
s1, first = call("POST", "/api/v1/buyers", body=body, headers={"Idempotency-Key": key})
s2, second = call("POST", "/api/v1/buyers", body=body, headers={"Idempotency-Key": key})
assert (s1, s2) == (201, 201) and first["id"] == second["id"], (s1, s2, first, second)
_, buyers = call("GET", "/api/v1/buyers?pageSize=200", expect=200)
assert sum(1 for b in buyers["items"] if b["name"] == body["name"]) == 1
step("an Idempotency-Key retried through the front (two instances) created one buyer")

# 3. Both instances served.
served = {line.split()[-1] for line in open(upstream_log) if line.split()[-1] != "-"}
assert len(served) >= 2, served
step(f"requests were served by {len(served)} instances: {', '.join(sorted(served))}")

# 4. A key's rate limit holds across both instances.
_, limited = call("POST", "/api/v1/api-keys", expect=201, body={"role": "analyst", "name": "rate limit check"})
started = time.monotonic()
statuses = [call("GET", "/api/v1/reference/provinces", key=limited["key"])[0] for _ in range(3 * burst)]
elapsed = time.monotonic() - started
allowed = statuses.count(200)
expected = burst + per_second * elapsed
assert set(statuses) <= {200, 429}, set(statuses)
assert abs(allowed - expected) <= 0.1 * expected, (allowed, expected)
step(f"rate limit across instances: {allowed} of {len(statuses)} allowed in {elapsed:.1f} s; one instance's limit is {expected:.0f} (burst {burst} + {per_second:g}/s)")

# 5. With the replica stopped, lag-tolerant reads are answered by the primary.
subprocess.run(["pg_ctlcluster", pg_version, "replica", "stop"], check=True)
try:
    for path in ["/api/v1/suppliers?pageSize=5", "/api/v1/analytics/linkage", f"/api/v1/needs/{need['id']}/matches?pageSize=5"] * 2:
        call("GET", path, expect=200)
    step("replica stopped: registry list, analytics and match pages still answer 200 (from the primary)")
finally:
    subprocess.run(["pg_ctlcluster", pg_version, "replica", "start"], check=True)
print("scale check passed")
