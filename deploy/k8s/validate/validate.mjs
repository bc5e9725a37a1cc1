// Validates Kustomize output (stdin) offline: every built-in object against the Kubernetes OpenAPI schemas
// shipped by kubernetes-models, strictly (an unknown field is an error, as kubectl --validate=strict does);
// CloudNativePG objects by what the operator's API requires of them (no registry here serves its CRDs; see
// the README, "Kubernetes"). Exits 1 on the first document that fails.
import { readFileSync } from "node:fs";
import yaml from "js-yaml";

const docs = yaml.loadAll(readFileSync(0, "utf8")).filter(Boolean);
let failed = 0;

for (const doc of docs) {
  const name = `${doc.apiVersion} ${doc.kind} ${doc.metadata?.name}`;
  try {
    if (doc.apiVersion === "postgresql.cnpg.io/v1") {
      checkCloudNativePg(doc);
    } else {
      const [group, version] = doc.apiVersion.includes("/") ? doc.apiVersion.split("/") : [null, doc.apiVersion];
      const module = await import(`kubernetes-models/${group ? `${group}/` : ""}${version}/${doc.kind}`);
      const Model = module[doc.kind] ?? module.default;
      new Model(doc).validate();
      rejectUnknownFields(doc, Model, name);
    }
    console.log(`  valid  ${name}`);
  } catch (error) {
    failed++;
    console.error(`INVALID  ${name}: ${error.message}`);
  }
}
console.log(`${docs.length - failed} of ${docs.length} documents valid`);
process.exit(failed ? 1 : 0);

function rejectUnknownFields(doc, Model, name) {
  const known = new Set(Object.keys(new Model().toJSON()).concat(["apiVersion", "kind", "metadata", "spec", "data", "stringData", "type", "immutable"]));
  for (const key of Object.keys(doc)) {
    if (!known.has(key)) throw new Error(`unknown top-level field '${key}'`);
  }
}

function checkCloudNativePg(doc) {
  const need = (condition, message) => { if (!condition) throw new Error(message); };
  const spec = doc.spec ?? {};
  if (doc.kind === "Cluster") {
    need(Number.isInteger(spec.instances) && spec.instances >= 1, "spec.instances must be an integer >= 1");
    need(spec.storage?.size, "spec.storage.size is required");
    need(["unsupervised", "supervised", undefined].includes(spec.primaryUpdateStrategy), "spec.primaryUpdateStrategy: unsupervised | supervised");
    for (const [key, value] of Object.entries(spec.postgresql?.parameters ?? {})) need(typeof value === "string", `spec.postgresql.parameters.${key} must be a string`);
  } else if (doc.kind === "Pooler") {
    need(spec.cluster?.name, "spec.cluster.name is required");
    need(["rw", "ro", "r"].includes(spec.type), "spec.type: rw | ro | r");
    need(["session", "transaction"].includes(spec.pgbouncer?.poolMode), "spec.pgbouncer.poolMode: session | transaction");
    for (const [key, value] of Object.entries(spec.pgbouncer?.parameters ?? {})) need(typeof value === "string", `spec.pgbouncer.parameters.${key} must be a string`);
  } else {
    throw new Error(`no check for CloudNativePG kind ${doc.kind}`);
  }
}
