package io.cxkit.core;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * A customer: a stable identifier, descriptive attributes used for segmentation (segment, persona,
 * region, plan, ...) and, if known, the date the customer was first seen.
 *
 * <p>Immutable. The attribute map is copied into an unmodifiable map sorted by key, so two
 * customers with the same attributes are equal and print the same way.
 *
 * <pre>{@code
 * Customer c = Customer.of("c-42", Map.of("segment", "smb", "region", "emea"));
 * c.attribute("segment");   // Optional[smb]
 * }</pre>
 *
 * @param id the customer identifier; not blank
 * @param attributes attribute name to value; keys not blank, no nulls; copied immutably
 * @param firstSeen the date the customer was first seen, or empty if unknown; a {@code null}
 *     argument is read as empty
 */
public record Customer(String id, Map<String, String> attributes, Optional<LocalDate> firstSeen) {

    /**
     * Validates and copies the components.
     *
     * @param id the id; see the class comment
     * @param attributes the attributes; see the class comment
     * @param firstSeen the firstSeen; see the class comment
     * @throws IllegalArgumentException if {@code id} is missing or blank ({@link InvalidInputException})
     *     or an attribute key is blank
     * @throws NullPointerException if {@code attributes}, or any key or value in it, is null
     */
    public Customer {
        Check.notBlank(id, "customer id");
        attributes = Require.attributes(attributes, "customer attributes");
        firstSeen = firstSeen == null ? Optional.empty() : firstSeen;
    }

    /**
     * Returns a customer with no attributes and an unknown first-seen date.
     *
     * @param id the customer identifier; not blank
     * @return the customer
     */
    public static Customer of(String id) {
        return new Customer(id, Map.of(), Optional.empty());
    }

    /**
     * Returns a customer with the given attributes and an unknown first-seen date.
     *
     * @param id the customer identifier; not blank
     * @param attributes attribute name to value; copied
     * @return the customer
     */
    public static Customer of(String id, Map<String, String> attributes) {
        return new Customer(id, attributes, Optional.empty());
    }

    /**
     * Returns a customer with the given attributes and first-seen date.
     *
     * @param id the customer identifier; not blank
     * @param attributes attribute name to value; copied
     * @param firstSeen the first-seen date, or {@code null} if unknown
     * @return the customer
     */
    public static Customer of(String id, Map<String, String> attributes, LocalDate firstSeen) {
        return new Customer(id, attributes, Optional.ofNullable(firstSeen));
    }

    /**
     * Returns the value of one attribute.
     *
     * @param name the attribute name, not null
     * @return the value, or empty if this customer has no such attribute
     */
    public Optional<String> attribute(String name) {
        Check.notNull(name, "attribute name");
        return Optional.ofNullable(attributes.get(name));
    }

    /**
     * Returns e.g. {@code Customer[c-42, {region=emea, segment=smb}, firstSeen=2025-03-01]}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return "Customer[" + id + ", " + attributes
                + firstSeen.map(d -> ", firstSeen=" + d).orElse("") + "]";
    }
}
