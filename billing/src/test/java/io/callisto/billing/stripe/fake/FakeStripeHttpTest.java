package io.callisto.billing.stripe.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.stripe.StripeClient;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.SubscriptionItem;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.SubscriptionItemUpdateParams;
import com.stripe.param.checkout.SessionCreateParams;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP behaviour around the endpoints: idempotency, failure injection, authentication, unknown paths, recording. */
class FakeStripeHttpTest {

    private FakeStripe fake;
    private StripeClient client;
    private HttpClient http;

    @BeforeEach
    void start() {
        fake = new FakeStripe();
        client = StripeClient.builder().setApiKey("sk_test_123").setApiBase(fake.baseUrl()).setMaxNetworkRetries(0).build();
        http = HttpClient.newHttpClient();
    }

    @AfterEach
    void stop() {
        http.close();
        fake.close();
    }

    @Test
    void sameIdempotencyKeyAndBodyReplaysTheStoredResponseWithoutCreatingAgain() throws StripeException {
        RequestOptions key = RequestOptions.builder().setIdempotencyKey("signup:t-1").build();
        CustomerCreateParams params = CustomerCreateParams.builder().setName("Acme").putMetadata("tenant_id", "t-1").build();

        Customer first = client.v1().customers().create(params, key);
        Customer replay = client.v1().customers().create(params, key);

        assertThat(replay.getId()).isEqualTo(first.getId());
        assertThat(replay.getLastResponse().headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(first.getLastResponse().headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(fake.customers()).extracting(FakeCustomer::id).containsExactly(first.getId());
        assertThat(fake.takeEvents()).hasSize(1);
        assertThat(fake.requests("POST", "/v1/customers")).extracting(RecordedRequest::idempotencyKey)
                .containsExactly("signup:t-1", "signup:t-1");
    }

    @Test
    void sameIdempotencyKeyWithADifferentBodyIsAnIdempotencyError() throws StripeException {
        RequestOptions key = RequestOptions.builder().setIdempotencyKey("signup:t-1").build();
        client.v1().customers().create(CustomerCreateParams.builder().setName("Acme").build(), key);

        assertThatThrownBy(() -> client.v1().customers().create(CustomerCreateParams.builder().setName("Other").build(), key))
                .isInstanceOfSatisfying(IdempotencyException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getStripeError().getType()).isEqualTo("idempotency_error");
                    assertThat(e.getStripeError().getMessage()).contains("signup:t-1");
                });
        assertThat(fake.customers()).extracting(FakeCustomer::name).containsExactly("Acme");
    }

    @Test
    void stripeJavaAddsItsOwnIdempotencyKeyToPostsAndTheFakeRecordsIt() throws StripeException {
        client.v1().customers().create(CustomerCreateParams.builder().setName("Acme").build());
        client.v1().customers().create(CustomerCreateParams.builder().setName("Acme").build());

        List<RecordedRequest> posts = fake.requests("POST", "/v1/customers");
        assertThat(posts).extracting(RecordedRequest::idempotencyKey).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(fake.customers()).hasSize(2);
    }

    @Test
    void failNextAnswersAnApiErrorAndChangesNothingThenRecovers() throws StripeException {
        String subscriptionId = subscribe();
        String itemId = fake.subscription(subscriptionId).itemId();
        fake.failNext("POST", "/v1/subscription_items", 503, 2);
        SubscriptionItemUpdateParams params = SubscriptionItemUpdateParams.builder().setQuantity(9L)
                .setProrationBehavior(SubscriptionItemUpdateParams.ProrationBehavior.CREATE_PRORATIONS).build();
        RequestOptions key = RequestOptions.builder().setIdempotencyKey("seats:9").build();

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> client.v1().subscriptionItems().update(itemId, params, key))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.getStatusCode()).isEqualTo(503);
                        assertThat(e.getStripeError().getType()).isEqualTo("api_error");
                    });
        }
        assertThat(fake.subscription(subscriptionId).quantity()).isEqualTo(2L);
        assertThat(fake.subscription(subscriptionId).lastProrationBehavior()).isNull();

        SubscriptionItem item = client.v1().subscriptionItems().update(itemId, params, key);

        assertThat(item.getQuantity()).isEqualTo(9L);
        assertThat(fake.subscription(subscriptionId).quantity()).isEqualTo(9L);
        assertThat(fake.requests("POST", "/v1/subscription_items")).hasSize(3);
    }

    @Test
    void failNextMatchesOnlyItsMethodAndPathAndCanBeCleared() throws StripeException {
        fake.failNext("POST", "/v1/billing/meter_events", 500, 1);
        Customer customer = client.v1().customers().create(CustomerCreateParams.builder().setName("Acme").build());
        assertThat(customer.getId()).startsWith("cus_");

        fake.failNext("*", "/v1/customers", 429, 5);
        assertThatThrownBy(() -> client.v1().customers().retrieve(customer.getId()))
                .isInstanceOfSatisfying(StripeException.class, e -> assertThat(e.getStatusCode()).isEqualTo(429));
        fake.clearFailures();
        assertThat(client.v1().customers().retrieve(customer.getId()).getName()).isEqualTo("Acme");
    }

    @Test
    void requestsWithoutASecretKeyAre401() throws Exception {
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/v1/customers"))
                .POST(HttpRequest.BodyPublishers.ofString("name=x")).build(), HttpResponse.BodyHandlers.ofString());
        StripeClient publishable = StripeClient.builder().setApiKey("pk_test_123").setApiBase(fake.baseUrl())
                .setMaxNetworkRetries(0).build();

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(error(missing).get("type").getAsString()).isEqualTo("invalid_request_error");
        assertThatThrownBy(() -> publishable.v1().customers().create(CustomerCreateParams.builder().setName("x").build()))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.getStatusCode()).isEqualTo(401));
        assertThat(fake.customers()).isEmpty();
        assertThat(fake.requests()).hasSize(2);
    }

    @Test
    void unknownPathsAre404StripeErrors() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/v1/charges"))
                .header("Authorization", "Bearer sk_test_123").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(error(response).get("type").getAsString()).isEqualTo("invalid_request_error");
        assertThat(error(response).get("message").getAsString()).startsWith("Unrecognized request URL (GET: /v1/charges)");
    }

    @Test
    void checkoutPortalAndInvoicePagesAnswer200() throws Exception {
        String subscriptionId = subscribe();
        FakeCheckoutSession session = fake.checkoutSessions().getFirst();
        String invoiceId = fake.invoicesOf(subscriptionId).getFirst().id();

        assertThat(get(session.url()).statusCode()).isEqualTo(200);
        assertThat(get(fake.baseUrl() + "/invoice/" + invoiceId).statusCode()).isEqualTo(200);
        assertThat(get(fake.baseUrl() + "/checkout/cs_test_unknown").statusCode()).isEqualTo(404);
    }

    @Test
    void recordsQueryAndFormSeparatelyAndCanBeCleared() throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/v1/customers?expand%5B%5D=subscriptions"))
                .header("Authorization", "Bearer sk_test_123")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Idempotency-Key", "k-1")
                .POST(HttpRequest.BodyPublishers.ofString("name=A%26B&metadata%5Btenant_id%5D=t%201")).build(),
                HttpResponse.BodyHandlers.ofString());

        RecordedRequest request = fake.requests().getLast();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.query()).containsExactly(Map.entry("expand[]", List.of("subscriptions")));
        assertThat(request.form()).containsEntry("name", List.of("A&B")).containsEntry("metadata[tenant_id]", List.of("t 1"));
        assertThat(request.formValue("name")).isEqualTo("A&B");
        assertThat(request.idempotencyKey()).isEqualTo("k-1");
        assertThat(request.stripeVersion()).isNull();
        assertThat(fake.customers().getFirst().metadata()).containsEntry("tenant_id", "t 1");

        fake.clearRequests();
        assertThat(fake.requests()).isEmpty();
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject error(HttpResponse<String> response) {
        return JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonObject("error");
    }

    private String subscribe() throws StripeException {
        String customerId = client.v1().customers().create(CustomerCreateParams.builder().setName("Acme").build()).getId();
        String sessionId = client.v1().checkout().sessions().create(SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION).setCustomer(customerId)
                .addLineItem(SessionCreateParams.LineItem.builder().setPrice(FakeStripe.PRICE_SEAT).setQuantity(2L).build())
                .setSuccessUrl("https://app.test/ok").build()).getId();
        fake.completeCheckout(sessionId);
        return fake.subscriptionsOf(customerId).getFirst().id();
    }
}
