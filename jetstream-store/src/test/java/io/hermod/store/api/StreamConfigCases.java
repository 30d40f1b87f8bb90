package io.hermod.store.api;

import io.hermod.store.api.StreamConfigCase.Operation;

import java.util.ArrayList;
import java.util.List;

import static io.hermod.store.api.StreamConfigCase.BASE_BODY;

/** Invalid stream configurations with the errors nats-server 2.9.10 returned for them (recorded 2026-11-27). */
final class StreamConfigCases {
    private static final String BASE_REST = ",\"subjects\":[\"base.>\"],\"max_consumers\":3,\"deny_delete\":true,\"deny_purge\":true";

    private StreamConfigCases() {
    }

    /** Cases where Hermod must answer exactly as nats-server 2.9.10. */
    static List<StreamConfigCase> sameAsNats() {
        List<StreamConfigCase> cases = new ArrayList<>();
        create(cases, "body that is not JSON", "X", "{nope", 400, 10025, "invalid JSON");
        create(cases, "unknown storage type", "X", "{\"name\":\"X\",\"storage\":\"bogus\"}", 400, 10025, "invalid JSON");
        create(cases, "unknown retention", "X", "{\"name\":\"X\",\"retention\":\"bogus\"}", 400, 10025, "invalid JSON");
        create(cases, "name differs from subject", "X", "{\"name\":\"Y\"}", 400, 10056,
                "stream name in subject does not match request");
        create(cases, "name missing", "X", "{}", 400, 10056, "stream name in subject does not match request");
        create(cases, "name with a slash", "a/b", "{\"name\":\"a/b\"}", 400, 10128,
                "Stream name can not contain path separators");
        create(cases, "name with a backslash", "a\\b", "{\"name\":\"a\\\\b\"}", 400, 10128,
                "Stream name can not contain path separators");
        create(cases, "sealed on create", "X", "{\"name\":\"X\",\"sealed\":true,\"max_age\":5}", 500, 10052,
                "stream configuration for create can not be sealed");
        create(cases, "mirror direct without mirror", "X", "{\"name\":\"X\",\"mirror_direct\":true,\"max_age\":5}",
                500, 10052, "stream has no mirror but does have mirror direct");
        create(cases, "name *", "*", "{\"name\":\"*\"}", 500, 10052,
                "stream name is required and can not contain '.', '*', '>'");
        create(cases, "name >", ">", "{\"name\":\">\"}", 500, 10052,
                "stream name is required and can not contain '.', '*', '>'");
        String longName = "n".repeat(256);
        create(cases, "name of 256 characters", longName, "{\"name\":\"" + longName + "\"}", 500, 10052,
                "stream name is too long, maximum allowed is 255");
        create(cases, "description of 4097 characters", "X",
                "{\"name\":\"X\",\"description\":\"" + "d".repeat(4097) + "\"}", 500, 10052,
                "stream description is too long, maximum allowed is 4096");
        create(cases, "6 replicas", "X", "{\"name\":\"X\",\"num_replicas\":6}", 500, 10052, "maximum replicas is 5");
        create(cases, "negative replicas", "X", "{\"name\":\"X\",\"num_replicas\":-1,\"max_age\":5}", 400, 10133,
                "replicas count cannot be negative");
        create(cases, "3 replicas without clustering", "X", "{\"name\":\"X\",\"num_replicas\":3}", 500, 10074,
                "replicas > 1 not supported in non-clustered mode");
        create(cases, "max age under 100ms", "X", "{\"name\":\"X\",\"max_age\":1000}", 500, 10052,
                "max age needs to be >= 100ms");
        create(cases, "duplicate window above max age", "X",
                "{\"name\":\"X\",\"max_age\":1000000000,\"duplicate_window\":2000000000}", 500, 10052,
                "duplicates window can not be larger then max age");
        create(cases, "negative duplicate window", "X", "{\"name\":\"X\",\"duplicate_window\":-5}", 500, 10052,
                "duplicates window can not be negative");
        create(cases, "negative max age becomes the duplicate window", "X", "{\"name\":\"X\",\"max_age\":-1}", 500,
                10052, "duplicates window can not be negative");
        create(cases, "duplicate window under 100ms", "X", "{\"name\":\"X\",\"duplicate_window\":5}", 500, 10052,
                "duplicates window needs to be >= 100ms");
        create(cases, "roll-ups with deny purge", "X", "{\"name\":\"X\",\"deny_purge\":true,\"allow_rollup_hdrs\":true}",
                500, 10052, "roll-ups require the purge permission");
        create(cases, "discard new per subject with discard old", "X",
                "{\"name\":\"X\",\"discard_new_per_subject\":true}", 500, 10052,
                "discard new per subject requires discard new policy to be set");
        create(cases, "discard new per subject without max msgs per subject", "X",
                "{\"name\":\"X\",\"discard\":\"new\",\"discard_new_per_subject\":true}", 500, 10052,
                "discard new per subject requires max msgs per subject > 0");
        create(cases, "discard new per subject with negative max msgs per subject", "X",
                "{\"name\":\"X\",\"discard\":\"new\",\"discard_new_per_subject\":true,\"max_msgs_per_subject\":-2}",
                500, 10052, "discard new per subject requires max msgs per subject > 0");
        create(cases, "mirror with subjects", "X", "{\"name\":\"X\",\"mirror\":{\"name\":\"BASE\"},\"subjects\":[\"m\"]}",
                400, 10034, "stream mirrors can not contain subjects");
        create(cases, "mirror with sources", "X",
                "{\"name\":\"X\",\"mirror\":{\"name\":\"BASE\"},\"sources\":[{\"name\":\"BASE\"}]}", 400, 10031,
                "stream mirrors can not also contain other sources");
        create(cases, "same subject twice", "X", "{\"name\":\"X\",\"subjects\":[\"a\",\"a\"]}", 500, 10052,
                "duplicate subjects detected");
        create(cases, "subjects overlapping each other", "X", "{\"name\":\"X\",\"subjects\":[\"a.*\",\"a.b\"]}", 500,
                10052, "subject \"a.*\" overlaps with \"a.b\"");
        create(cases, "wildcards overlapping each other", "X", "{\"name\":\"X\",\"subjects\":[\"a.*.c\",\"a.b.*\"]}",
                500, 10052, "subject \"a.*.c\" overlaps with \"a.b.*\"");
        create(cases, "empty token", "X", "{\"name\":\"X\",\"subjects\":[\"a..b\"]}", 500, 10052, "invalid subject");
        create(cases, "space in subject", "X", "{\"name\":\"X\",\"subjects\":[\"a b\"]}", 500, 10052, "invalid subject");
        create(cases, "empty subject", "X", "{\"name\":\"X\",\"subjects\":[\"\"]}", 500, 10052, "invalid subject");
        create(cases, "> before the last token", "X", "{\"name\":\"X\",\"subjects\":[\"a.>.b\"]}", 500, 10052,
                "invalid subject");
        create(cases, "the JetStream API", "X", "{\"name\":\"X\",\"subjects\":[\"$JS.API.>\"]}", 500, 10052,
                "subjects overlap with jetstream api");
        create(cases, "one JetStream API subject", "X", "{\"name\":\"X\",\"subjects\":[\"$JS.API.INFO\"]}", 500,
                10052, "subjects overlap with jetstream api");
        create(cases, "republish source outside the subjects", "X",
                "{\"name\":\"X\",\"subjects\":[\"x\"],\"republish\":{\"src\":\"y\",\"dest\":\"z\"}}", 500, 10052,
                "stream configuration for republish source is not valid subset of subjects");
        create(cases, "republish into its own subjects", "X",
                "{\"name\":\"X\",\"subjects\":[\"x\"],\"republish\":{\"src\":\"x\",\"dest\":\"x\"}}", 500, 10052,
                "stream configuration for republish destination forms a cycle");
        create(cases, "template owner", "X", "{\"name\":\"X\",\"template_owner\":\"T\"}", 500, 10049,
                "stream not owned by template");
        create(cases, "3 replicas before template owner", "X",
                "{\"name\":\"X\",\"template_owner\":\"T\",\"num_replicas\":3}", 500, 10074,
                "replicas > 1 not supported in non-clustered mode");
        create(cases, "subject of another stream", "X", "{\"name\":\"X\",\"subjects\":[\"base.a\"]}", 400, 10065,
                "subjects overlap with an existing stream");
        create(cases, "> overlaps every stream", "X", "{\"name\":\"X\",\"subjects\":[\">\"]}", 400, 10065,
                "subjects overlap with an existing stream");
        create(cases, "existing name, other config", "BASE", BASE_BODY + ",\"max_msgs\":5}", 400, 10058,
                "stream name already in use with a different configuration");

        update(cases, "body that is not JSON", "BASE", "garbage", 400, 10025, "invalid JSON");
        update(cases, "name differs from subject", "BASE", "{\"name\":\"OTHER\"}", 400, 10056,
                "stream name in subject does not match request");
        update(cases, "config checked before the name", "BASE", "{\"name\":\"OTHER\",\"max_age\":5}", 500, 10052,
                "max age needs to be >= 100ms");
        update(cases, "unknown stream", "NOPE", "{\"name\":\"NOPE\"}", 404, 10059, "stream not found");
        update(cases, "config checked before the stream exists", "NOPE", "{\"name\":\"NOPE\",\"max_age\":5}", 500,
                10052, "max age needs to be >= 100ms");
        update(cases, "max consumers", "BASE", "{\"name\":\"BASE\"" + BASE_REST.replace(":3", ":4") + "}", 500, 10052,
                "stream configuration update can not change MaxConsumers");
        update(cases, "storage", "BASE", "{\"name\":\"BASE\"" + BASE_REST + ",\"storage\":\"memory\"}", 500, 10052,
                "stream configuration update can not change storage type");
        update(cases, "retention", "BASE", "{\"name\":\"BASE\"" + BASE_REST + ",\"retention\":\"interest\"}", 500,
                10052, "stream configuration update can not change retention policy");
        update(cases, "template owner", "BASE", "{\"name\":\"BASE\"" + BASE_REST + ",\"template_owner\":\"T\"}", 500,
                10052, "stream configuration update can not be owned by a template");
        update(cases, "deny delete cancelled", "BASE",
                "{\"name\":\"BASE\",\"subjects\":[\"base.>\"],\"max_consumers\":3,\"deny_purge\":true}", 500, 10052,
                "stream configuration update can not cancel deny message deletes");
        update(cases, "deny purge cancelled", "BASE",
                "{\"name\":\"BASE\",\"subjects\":[\"base.>\"],\"max_consumers\":3,\"deny_delete\":true}", 500, 10052,
                "stream configuration update can not cancel deny purge");
        update(cases, "mirror added", "BASE",
                "{\"name\":\"BASE\",\"max_consumers\":3,\"deny_delete\":true,\"deny_purge\":true,\"mirror\":{\"name\":\"LOCKED\"}}",
                400, 10055, "stream mirror configuration can not be updated");
        update(cases, "republish added", "BASE",
                "{\"name\":\"BASE\"" + BASE_REST + ",\"republish\":{\"dest\":\"zz.>\"}}", 500, 10052,
                "stream configuration update can not change RePublish");
        update(cases, "subjects of another stream", "BASE",
                "{\"name\":\"BASE\",\"subjects\":[\"locked\"],\"max_consumers\":3,\"deny_delete\":true,\"deny_purge\":true}",
                400, 10065, "subjects overlap with an existing stream");
        update(cases, "negative replicas", "BASE", "{\"name\":\"BASE\"" + BASE_REST + ",\"num_replicas\":-1}", 400,
                10133, "replicas count cannot be negative");
        update(cases, "unsealing", "LOCKED", "{\"name\":\"LOCKED\",\"subjects\":[\"locked\"]}", 500, 10052,
                "stream configuration update can not unseal a sealed stream");
        return cases;
    }

    /** Cases nats-server 2.9.10 accepts and Hermod refuses, because it has no clustering, mirrors, sources, ... */
    static List<StreamConfigCase> hermodOnly() {
        List<StreamConfigCase> cases = new ArrayList<>();
        create(cases, "mirror", "X", "{\"name\":\"X\",\"mirror\":{\"name\":\"BASE\"}}", 500, 10049,
                "stream mirrors are not supported by Hermod");
        create(cases, "sources", "X", "{\"name\":\"X\",\"sources\":[{\"name\":\"BASE\"}]}", 500, 10049,
                "stream sources are not supported by Hermod");
        create(cases, "republish", "X", "{\"name\":\"X\",\"subjects\":[\"x.>\"],\"republish\":{\"dest\":\"out.>\"}}",
                500, 10049, "republish is not supported by Hermod");
        create(cases, "subject transform", "X",
                "{\"name\":\"X\",\"subject_transform\":{\"src\":\"X\",\"dest\":\"y\"}}", 500, 10049,
                "subject transforms are not supported by Hermod");
        create(cases, "first sequence", "X", "{\"name\":\"X\",\"first_seq\":5}", 500, 10049,
                "a first sequence other than 1 is not supported by Hermod");
        update(cases, "3 replicas", "BASE", "{\"name\":\"BASE\"" + BASE_REST + ",\"num_replicas\":3}", 500, 10074,
                "replicas > 1 not supported in non-clustered mode");
        update(cases, "sources added", "BASE", "{\"name\":\"BASE\"" + BASE_REST + ",\"sources\":[{\"name\":\"LOCKED\"}]}",
                500, 10069, "stream sources are not supported by Hermod");
        return cases;
    }

    private static void create(List<StreamConfigCase> cases, String title, String name, String body, int code,
                               int errCode, String description) {
        cases.add(new StreamConfigCase("create: " + title, Operation.CREATE, name, body,
                new ApiError(code, errCode, description)));
    }

    private static void update(List<StreamConfigCase> cases, String title, String name, String body, int code,
                               int errCode, String description) {
        cases.add(new StreamConfigCase("update: " + title, Operation.UPDATE, name, body,
                new ApiError(code, errCode, description)));
    }
}
