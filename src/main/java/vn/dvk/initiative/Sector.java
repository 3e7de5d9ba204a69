package vn.dvk.initiative;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Locale;

/** A sector of the movement (lĩnh vực); the list is configurable per installation. */
@Entity
@Table(name = "sector")
class Sector {

    @Id
    private String code;
    @Column(name = "name_vi")
    private String nameVi;
    @Column(name = "name_en")
    private String nameEn;
    private int position;
    private boolean active = true;

    protected Sector() {
    }

    Sector(String code, String nameVi, String nameEn, int position) {
        this.code = code;
        this.nameVi = nameVi;
        this.nameEn = nameEn;
        this.position = position;
    }

    String getCode() {
        return code;
    }

    String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
    }

    String getNameVi() {
        return nameVi;
    }

    String getNameEn() {
        return nameEn;
    }

    int getPosition() {
        return position;
    }

    boolean isActive() {
        return active;
    }
}
