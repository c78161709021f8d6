package org.waypoint.risk.register.persistence;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import org.waypoint.platform.outbox.MongoOutboxWriter;
import org.waypoint.risk.register.application.RegisterQueries;
import org.waypoint.risk.register.domain.RiskRegister;
import org.waypoint.risk.register.domain.RiskRegisters;

/** Registers in MongoDB, version-checked like every aggregate (they cause no events of their own). */
@Repository
public class MongoRiskRegisterRepository implements RiskRegisters, RegisterQueries {

    private final MongoTemplate mongo;
    private final MongoOutboxWriter writer;

    public MongoRiskRegisterRepository(MongoTemplate mongo, MongoOutboxWriter writer) {
        this.mongo = mongo;
        this.writer = writer;
    }

    @Override
    public void insert(RiskRegister register) {
        writer.insert(RiskRegisterDocument.from(register), RiskRegisterDocument.COLLECTION, List.of());
    }

    @Override
    public void update(RiskRegister register) {
        writer.update(RiskRegisterDocument.from(register), register.id(), register.version(), RiskRegisterDocument.COLLECTION, List.of());
    }

    @Override
    public Optional<RiskRegister> find(String id) {
        return Optional.ofNullable(mongo.findById(id, RiskRegisterDocument.class, RiskRegisterDocument.COLLECTION))
                .map(RiskRegisterDocument::toDomain);
    }

    @Override
    public Page list(int page, int size, String sortField, boolean ascending) {
        String property = switch (sortField) {
            case "servicearea" -> "serviceArea";
            case "organisation" -> "organisation";
            case "created" -> "createdAt";
            default -> "name";
        };
        Sort.Direction direction = ascending ? Sort.Direction.ASC : Sort.Direction.DESC;
        long total = mongo.count(new Query(), RiskRegisterDocument.COLLECTION);
        Query query = new Query().with(Sort.by(direction, property).and(Sort.by(Sort.Direction.ASC, "_id")))
                .skip((long) page * size).limit(size);
        return new Page(mongo.find(query, RiskRegisterDocument.class, RiskRegisterDocument.COLLECTION).stream()
                .map(RiskRegisterDocument::toDomain).toList(), total);
    }

    @Override
    public List<RiskRegister> all() {
        return mongo.find(new Query().with(Sort.by("name")).limit(1000), RiskRegisterDocument.class, RiskRegisterDocument.COLLECTION)
                .stream().map(RiskRegisterDocument::toDomain).toList();
    }
}
