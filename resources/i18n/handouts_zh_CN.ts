<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>HandoutsView</name>
    <message>
        <location filename="../../desktop/ui/handouts_view.py" line="199"/>
        <source>Handout</source>
        <translation>宣教资料</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handouts_view.py" line="199"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handouts_view.py" line="199"/>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handouts_view.py" line="199"/>
        <source>Large print</source>
        <translation>大字版</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handouts_view.py" line="199"/>
        <source>Patient name</source>
        <translation>患者姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handouts_view.py" line="200"/>
        <source>Infusion date</source>
        <translation>回输日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handouts_view.py" line="200"/>
        <source>Treating centre</source>
        <translation>治疗中心</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handouts_view.py" line="200"/>
        <source>Care-team phones</source>
        <translation>医疗团队电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handouts_view.py" line="200"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handouts_view.py" line="201"/>
        <source>Site preset</source>
        <translation>站点预设</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handouts_view.py" line="204"/>
        <source>body text 16 pt or more</source>
        <translation>正文16磅或更大</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handouts_view.py" line="205"/>
        <source>24-hour number first; separate with ;</source>
        <translation>24小时电话放在最前；用 ; 分隔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handouts_view.py" line="206"/>
        <source>printed only, not saved</source>
        <translation>仅用于打印，不会保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handouts_view.py" line="207"/>
        <source>Save site preset</source>
        <translation>保存站点预设</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handouts_view.py" line="208"/>
        <source>Load preset</source>
        <translation>载入预设</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handouts_view.py" line="209"/>
        <source>Logo…</source>
        <translation>标志…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handouts_view.py" line="209"/>
        <source>Logo ✓</source>
        <translation>标志 ✓</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handouts_view.py" line="210"/>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handouts_view.py" line="211"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handouts_view.py" line="212"/>
        <source>Save PDF…</source>
        <translation>保存PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handouts_view.py" line="213"/>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handouts_view.py" line="214"/>
        <source>all handouts, both languages</source>
        <translation>全部资料，中英文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handouts_view.py" line="215"/>
        <source>Batch to folder…</source>
        <translation>批量输出到文件夹…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handouts_view.py" line="216"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/handouts_view.py" line="277"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n 页</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handouts_view.py" line="278"/>
        <source>not in the knowledge base yet: </source>
        <translation>知识库中暂无：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handouts_view.py" line="290"/>
        <location filename="../../desktop/ui/handouts_view.py" line="296"/>
        <source>Save PDF</source>
        <translation>保存PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handouts_view.py" line="294"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handouts_view.py" line="326"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handouts_view.py" line="356"/>
        <source>Folder for the PDFs</source>
        <translation>PDF保存文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handouts_view.py" line="361"/>
        <source>Batch</source>
        <translation>批量输出</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/handouts_view.py" line="372"/>
        <source>%n PDF(s) written</source>
        <translation>
            <numerusform>已生成 %n 个PDF</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handouts_view.py" line="400"/>
        <source>Type a name for the site preset first.</source>
        <translation>请先输入站点预设名称。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handouts_view.py" line="406"/>
        <source>Site preset saved.</source>
        <translation>站点预设已保存。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handouts_view.py" line="413"/>
        <source>No site preset with that name.</source>
        <translation>没有该名称的站点预设。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/handouts_view.py" line="422"/>
        <source>Logo image</source>
        <translation>标志图片</translation>
    </message>
</context>
</TS>
