package org.escnet.adapters.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.escnet.application.ports.out.GridRecord;

/** Row of table {@code grid}. */
@Entity
@Table(name = "grid")
public class GridEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    public String description;
    public String document;
    @Column(name = "created_at")
    public Instant createdAt;

    GridRecord toRecord() {
        return new GridRecord(id, name, description, document, createdAt);
    }
}
