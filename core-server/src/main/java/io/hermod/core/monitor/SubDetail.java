package io.hermod.core.monitor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A subscription in {@code subscriptions_list_detail} ({@code /connz}) and {@code subscriptions_list} ({@code /subsz}). */
record SubDetail(
        @JsonProperty("account") @JsonInclude(JsonInclude.Include.NON_EMPTY) String account,
        @JsonProperty("subject") String subject,
        @JsonProperty("qgroup") @JsonInclude(JsonInclude.Include.NON_EMPTY) String queue,
        @JsonProperty("sid") String sid,
        @JsonProperty("msgs") long msgs,
        @JsonProperty("max") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long max,
        @JsonProperty("cid") long cid) {

    /** nats-server's name for the one account a server without accounts has. */
    static final String GLOBAL_ACCOUNT = "$G";

    static SubDetail of(SubscriptionSnapshot s, String account) {
        return new SubDetail(account, s.subject(), s.queue(), s.sid(), s.msgs(), Math.max(0, s.max()), s.cid());
    }
}
