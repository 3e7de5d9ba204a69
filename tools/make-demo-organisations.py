#!/usr/bin/env python3
"""Builds src/main/resources/demo/organisations.csv from demo/admin-units.csv: the bodies of each
demo district and province, the party committee, government and Fatherland Front of each of their
communes, and the named owners of the initiatives in ../shared/demo/FACTS.md.
Columns: key,name,type,unitKey,parentKey"""
import csv, sys

units = list(csv.DictReader(open('src/main/resources/demo/admin-units.csv', encoding='utf-8')))
by_key = {u['key']: u for u in units}
DISTRICTS = ['674', '327', '453', '135', '151']
rows = []
def org(key, name, type_, unit, parent=''):
    rows.append([key, name, type_, unit, parent])

def bare(full):
    for p in ['Thành phố ', 'Thị trấn ', 'Tỉnh ', 'Huyện ', 'Phường ', 'Xã ']:
        if full.startswith(p):
            return full[len(p):]
    return full

for p in sorted({by_key[d]['parent'] for d in DISTRICTS}):
    n = bare(by_key[p]['fullName'])
    org(f'p{p}-tu', f'Tỉnh ủy {n}', 'PARTY_COMMITTEE', p)
    org(f'p{p}-bdv', f'Ban Dân vận Tỉnh ủy {n}', 'MOBILISATION_COMMITTEE', p, f'p{p}-tu')
    org(f'p{p}-ubnd', f'Ủy ban nhân dân tỉnh {n}', 'GOVERNMENT', p)

for d in DISTRICTS:
    n = bare(by_key[d]['fullName'])
    p = by_key[d]['parent']
    org(f'd{d}-hu', f'Huyện ủy {n}', 'PARTY_COMMITTEE', d, f'p{p}-tu')
    org(f'd{d}-btv', f'Ban Thường vụ Huyện ủy {n}', 'PARTY_COMMITTEE', d, f'd{d}-hu')
    org(f'd{d}-bdv', f'Ban Dân vận Huyện ủy {n}', 'MOBILISATION_COMMITTEE', d, f'd{d}-hu')
    org(f'd{d}-ubnd', f'Ủy ban nhân dân huyện {n}', 'GOVERNMENT', d, f'p{p}-ubnd')
    org(f'd{d}-mttq', f'Ủy ban Mặt trận Tổ quốc Việt Nam huyện {n}', 'FATHERLAND_FRONT', d)
    org(f'd{d}-pn', f'Hội Liên hiệp Phụ nữ huyện {n}', 'WOMENS_UNION', d)
    org(f'd{d}-dtn', f'Huyện đoàn {n}', 'YOUTH_UNION', d)
    org(f'd{d}-hnd', f'Hội Nông dân huyện {n}', 'FARMERS_UNION', d)
    org(f'd{d}-ccb', f'Hội Cựu chiến binh huyện {n}', 'VETERANS_ASSOCIATION', d)
    org(f'd{d}-ldld', f'Liên đoàn Lao động huyện {n}', 'TRADE_UNION', d)
    org(f'd{d}-bchqs', f'Ban Chỉ huy Quân sự huyện {n}', 'ARMY', d)
    org(f'd{d}-ca', f'Công an huyện {n}', 'POLICE', d)
    for u in units:
        if u['parent'] == d and u['level'] == 'COMMUNE':
            k, full = u['key'], u['fullName']
            word = full[:len(full) - len(bare(full))].strip().lower()
            org(f'c{k}-du', f'Đảng ủy {word} {bare(full)}', 'PARTY_COMMITTEE', k, f'd{d}-hu')
            org(f'c{k}-ubnd', f'Ủy ban nhân dân {word} {bare(full)}', 'GOVERNMENT', k, f'd{d}-ubnd')
            org(f'c{k}-mttq', f'Ủy ban Mặt trận Tổ quốc {word} {bare(full)}', 'FATHERLAND_FRONT', k, f'd{d}-mttq')

# Named owners in the facts.
org('htx-rau-phi-lieng', 'Hợp tác xã trồng rau công nghệ cao Phi Liêng', 'ENTERPRISE', '24886', 'c24886-ubnd')
org('tht-dau-tam-liengkrac1', 'Tổ hợp tác trồng dâu nuôi tằm thôn Liêng Krắc 1', 'ENTERPRISE', 'v3', 'c24859-ubnd')
org('cb-trung-tam', 'Chi bộ thôn Trung Tâm', 'PARTY_CELL', 'v1', 'c24886-du')
org('cb-dong-tam', 'Chi bộ thôn Đồng Tâm', 'PARTY_CELL', 'v2', 'c24886-du')
org('cb-lieng-krac-1', 'Chi bộ thôn Liêng Krắc 1', 'PARTY_CELL', 'v3', 'c24859-du')
org('kdc-xom-can', 'Khu dân cư xóm Can', 'RESIDENTIAL_AREA', 'v10', 'c04921@ky-son-ubnd')
org('kdc-ngoc-xa', 'Khu dân cư xóm Ngọc Xạ', 'RESIDENTIAL_AREA', 'v11', 'c04903@ky-son-ubnd')
org('kdc-xom-me', 'Khu dân cư xóm Mè', 'RESIDENTIAL_AREA', 'v12', 'c04909@ky-son-ubnd')

w = csv.writer(sys.stdout, lineterminator='\n')
w.writerow(['key', 'name', 'type', 'unitKey', 'parentKey'])
for r in rows:
    w.writerow(r)
