<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>HandoutsView</name>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="187"/>
        <source> (product default)</source>
        <translation>（产品默认）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="210"/>
        <source>Handout</source>
        <translation>宣教资料</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="210"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="210"/>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="210"/>
        <source>Large print</source>
        <translation>大字版</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="210"/>
        <source>Patient name</source>
        <translation>患者姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="211"/>
        <source>Infusion date</source>
        <translation>回输日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="211"/>
        <source>Treating centre</source>
        <translation>治疗中心</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="211"/>
        <source>Care-team phones</source>
        <translation>医疗团队电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="211"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="211"/>
        <source>Leukapheresis date</source>
        <translation>白细胞单采日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="211"/>
        <source>Rules of</source>
        <translation>依据的规定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="212"/>
        <source>Site preset</source>
        <translation>站点预设</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="215"/>
        <source>body text 16 pt or more</source>
        <translation>正文16磅或更大</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="216"/>
        <source>24-hour number first; separate with ;</source>
        <translation>24小时电话放在最前；用 ; 分隔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="217"/>
        <source>printed only, not saved</source>
        <translation>仅用于打印，不会保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="218"/>
        <source>YYYY-MM-DD (optional, recovery calendar)</source>
        <translation>YYYY-MM-DD（可选，用于康复日历）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="219"/>
        <source>Save site preset</source>
        <translation>保存站点预设</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="220"/>
        <source>Load preset</source>
        <translation>载入预设</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="221"/>
        <source>Logo…</source>
        <translation>标志…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="221"/>
        <source>Logo ✓</source>
        <translation>标志 ✓</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="222"/>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="223"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="224"/>
        <source>Save PDF…</source>
        <translation>保存PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="225"/>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="226"/>
        <source>all handouts, both languages</source>
        <translation>全部资料，中英文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="227"/>
        <source>Batch to folder…</source>
        <translation>批量输出到文件夹…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="228"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="254"/>
        <source>Unknown handout: %1</source>
        <translation>未知的宣教资料：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/handouts_view.py" line="339"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n 页</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="340"/>
        <source>not in the knowledge base yet: </source>
        <translation>知识库中暂无：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="352"/>
        <location filename="../../desktop/ui/views/handouts_view.py" line="358"/>
        <source>Save PDF</source>
        <translation>保存PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="356"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="382"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="422"/>
        <source>Folder for the PDFs</source>
        <translation>PDF保存文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="427"/>
        <source>Batch</source>
        <translation>批量输出</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/handouts_view.py" line="438"/>
        <source>%n PDF(s) written</source>
        <translation>
            <numerusform>已生成 %n 个PDF</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="465"/>
        <source>Type a name for the site preset first.</source>
        <translation>请先输入站点预设名称。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="471"/>
        <source>Site preset saved.</source>
        <translation>站点预设已保存。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="480"/>
        <source>No site preset with that name.</source>
        <translation>没有该名称的站点预设。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/handouts_view.py" line="489"/>
        <source>Logo image</source>
        <translation>标志图片</translation>
    </message>
</context>
</TS>
