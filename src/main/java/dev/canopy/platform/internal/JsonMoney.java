package dev.canopy.platform.internal;

import dev.canopy.shared.Money;
import java.math.BigDecimal;
import java.util.Currency;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * {@link Money} in JSON as every amount of the API is written: {@code {"amount": "1200.50", "currency": "EUR"}},
 * the amount a decimal string at the currency's decimals (never a binary number a client would round). Read
 * back, a number is accepted too: event publications stored before were written that way.
 */
@Configuration(proxyBeanMethods = false)
class JsonMoney {

    @Bean
    SimpleModule moneyAsDecimalStrings() {
        return new SimpleModule("money")
                .addSerializer(Money.class, new StdSerializer<>(Money.class) {
                    @Override
                    public void serialize(Money money, JsonGenerator json, SerializationContext context) {
                        json.writeStartObject();
                        json.writeStringProperty("amount", money.amount().toPlainString());
                        json.writeStringProperty("currency", money.currencyCode());
                        json.writeEndObject();
                    }
                })
                .addDeserializer(Money.class, new StdDeserializer<>(Money.class) {
                    @Override
                    public Money deserialize(JsonParser json, DeserializationContext context) {
                        JsonNode node = context.readTree(json);
                        return new Money(
                                new BigDecimal(node.path("amount").asString()),
                                Currency.getInstance(node.path("currency").asString()));
                    }
                });
    }
}
